; Inno Setup script: a Windows installer around the one-folder bundle.
;
;   .venv\Scripts\pyinstaller packaging\opsg-desktop.spec --noconfirm
;   iscc packaging\opsg-desktop.iss
;
; gives dist\OPSG-Secretary-<version>-setup.exe. It installs for the current user
; (no administrator rights needed; an administrator may choose all users), adds a
; Start menu entry (and a desktop one if asked) for opsg-desktop-gui.exe. The command
; line, opsg-desktop.exe, is in the same folder: call it by its path.
; The version comes from the bundled program's version resource, which the spec
; writes from opsg_desktop.__version__; /DAppVersion=X.Y.Z overrides it.

#define Bundle "..\dist\opsg-desktop"
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(Bundle + "\opsg-desktop-gui.exe")
#endif

[Setup]
; The id ties upgrades and the uninstaller together: never change it.
AppId={{2F5A2A9E-B940-495D-9164-EC180CCBBDD5}
AppName=OPSG Secretary
AppVersion={#AppVersion}
AppVerName=OPSG Secretary {#AppVersion}
DefaultDirName={autopf}\OPSG Secretary
DefaultGroupName=OPSG Secretary
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=OPSG-Secretary-{#AppVersion}-setup
SetupIconFile=icons\opsg-desktop.ico
UninstallDisplayIcon={app}\opsg-desktop-gui.exe
UninstallDisplayName=OPSG Secretary
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\OPSG Secretary"; Filename: "{app}\opsg-desktop-gui.exe"
Name: "{autodesktop}\OPSG Secretary"; Filename: "{app}\opsg-desktop-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\opsg-desktop-gui.exe"; Description: "{cm:LaunchProgram,OPSG Secretary}"; Flags: nowait postinstall skipifsilent
