; Inno Setup script for the Windows installer (Inno Setup 6.3 or newer).
;
; From the repository root, after the PyInstaller build put the bundle in dist\fedimove:
;     ISCC.exe /DAppVersion=0.1.0 packaging\windows\fedimove.iss
; Result: dist\fedimove-<version>-windows-x64-setup.exe
;
; Installs per user by default (no administrator prompt); the first page offers "for all users".
; Silent install for CI: setup.exe /VERYSILENT /SUPPRESSMSGBOXES /CURRENTUSER /DIR=<folder>

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z packaging\windows\fedimove.iss
#endif
#define Root "..\.."

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{4DD7392F-D293-487A-BFDF-FE2711339DBC}
AppName=Fedimove
AppVersion={#AppVersion}
AppVerName=Fedimove {#AppVersion}
AppPublisher=The Fedimove developers
DefaultDirName={autopf}\Fedimove
DefaultGroupName=Fedimove
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename=fedimove-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\build\icons\fedimove.ico
UninstallDisplayIcon={app}\fedimove-gui.exe
UninstallDisplayName=Fedimove
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled libraries as a whole: files a newer version no longer ships
; must not linger beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\fedimove\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The windowed executable, so no console window opens beside the wizard.
Name: "{autoprograms}\Fedimove"; Filename: "{app}\fedimove-gui.exe"
Name: "{autodesktop}\Fedimove"; Filename: "{app}\fedimove-gui.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\fedimove-gui.exe"; Description: "{cm:LaunchProgram,Fedimove}"; Flags: nowait postinstall skipifsilent
