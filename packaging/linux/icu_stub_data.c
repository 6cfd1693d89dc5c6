/* ICU's "stub data": a valid common-data table that lists no items.
 *
 * Qt's Linux libraries link ICU, whose data library (libicudata, 31 MB) the
 * application never reads: no collation, no legacy text encodings, no ICU time
 * zones; case mapping and normalisation live in libicuuc itself. The bundle
 * ships this in its place (packaging/opsg-desktop.spec builds it), as ICU's own
 * source does for builds without data. ICUDATA_ENTRY is the versioned symbol
 * ICU looks for, e.g. -DICUDATA_ENTRY=icudt73_dat. No headers: builds with -nostdlib.
 */
#ifndef ICUDATA_ENTRY
#error "define ICUDATA_ENTRY, e.g. -DICUDATA_ENTRY=icudt73_dat"
#endif

struct icu_common_data {
    unsigned short header_size;            /* 32: this header up to count */
    unsigned char magic1, magic2;          /* 0xda, 0x27 */
    unsigned short info_size;              /* sizeof(UDataInfo): 20 */
    unsigned short reserved_word;
    unsigned char is_big_endian, charset_family, sizeof_uchar, reserved_byte;
    unsigned char data_format[4];          /* "CmnD": a common data table */
    unsigned char format_version[4];
    unsigned char data_version[4];
    unsigned char padding[8];
    unsigned int count;                    /* no items */
    unsigned int reserved;
    unsigned int toc[2];                   /* one empty entry, as ICU's stub has */
};

__attribute__((visibility("default"))) const struct icu_common_data ICUDATA_ENTRY = {
    32, 0xda, 0x27, 20, 0,
    __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__, 0, 2, 0,
    {'C', 'm', 'n', 'D'}, {1, 0, 0, 0}, {0, 0, 0, 0}, {0}, 0, 0, {0, 0},
};
