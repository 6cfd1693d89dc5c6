"""Import → dump → import is lossless, through the format and through the store."""

import json

from hypothesis import HealthCheck, given, settings

from opsg_desktop.core.numbering import assign_action_ids
from opsg_desktop.interchange import dumps, meeting_from_dict
from opsg_desktop.store.repository import Repository
from tests.strategies import meetings


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(meetings())
def test_dump_then_import_gives_the_same_meeting(meeting):
    assert meeting_from_dict(json.loads(dumps(meeting))) == meeting


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(meeting=meetings())
def test_import_dump_import_through_the_database_is_lossless(tmp_path, meeting):
    path = tmp_path / "rt.sqlite3"
    path.unlink(missing_ok=True)
    repository = Repository(path)
    try:
        reference = repository.save_meeting(meeting_from_dict(json.loads(dumps(meeting))))
        first_dump = dumps(repository.load_meeting(reference))
        assign_action_ids(meeting)
        assert meeting_from_dict(json.loads(first_dump)) == meeting
        repository.save_meeting(meeting_from_dict(json.loads(first_dump)), replace=True)
        assert dumps(repository.load_meeting(reference)) == first_dump
    finally:
        repository.close()
