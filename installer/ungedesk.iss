; Inno Setup 6 script for UngeDesk: a per-user install that needs no administrator rights.
;
; Built by installer\build.py on Windows (it passes the defines below); by hand:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=..\dist\UngeDesk /DOutputDir=..\dist installer\ungedesk.iss
;
; Why per-user: caseworkers on municipal laptops rarely have admin rights, and the encrypted
; store and its keyring entry are per user anyway. The program goes to
; %LOCALAPPDATA%\Programs\UngeDesk, the shortcut to the user's Start menu, the uninstaller to
; "Apps > Installed apps". The case data (%LOCALAPPDATA%\UngeDesk\UngeDesk, from platformdirs)
; is never removed by the uninstaller: it belongs to the caseworker, not to the program.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\UngeDesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef IconFile
  #define IconFile "icons\ungedesk.ico"
#endif

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{19E84C69-1B10-48ED-8E93-D0187A7DA5D1}
AppName=UngeDesk
AppVersion={#AppVersion}
AppVerName=UngeDesk {#AppVersion}
AppPublisher=UngeDesk
VersionInfoVersion={#AppVersion}
; Per-user, no UAC prompt. {userpf} is %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
DefaultDirName={userpf}\UngeDesk
DisableDirPage=yes
DefaultGroupName=UngeDesk
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=UngeDesk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\UngeDesk.exe
UninstallDisplayName=UngeDesk
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; Close a running UngeDesk (Restart Manager) before files are replaced.
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
; Danish first: it is the default when Windows' UI language matches neither.
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
danish.DataKept=Dine data (den krypterede database i %LOCALAPPDATA%\UngeDesk\UngeDesk) er ikke slettet.
english.DataKept=Your data (the encrypted database in %LOCALAPPDATA%\UngeDesk\UngeDesk) was not deleted.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole runtime folder: files left from an older PyInstaller/Qt version
; would otherwise be loaded next to the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\UngeDesk"; Filename: "{app}\UngeDesk.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\UngeDesk"; Filename: "{app}\UngeDesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\UngeDesk.exe"; Description: "{cm:LaunchProgram,UngeDesk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself may leave in its own folder; never the data folder.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(CustomMessage('DataKept'), mbInformation, MB_OK);
end;
