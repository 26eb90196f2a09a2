; NSIS 3 script for the Windows installer of UngeDesk (compiles on Windows and on Linux).
;
; Compiled by installer/windows/nsis.py, which checks the payload and passes the defines below:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0 -DPAYLOAD=dist/UngeDesk
;            -DOUTFILE=dist/UngeDesk-0.1.0-setup.exe -DICON=installer/icons/ungedesk.ico
;            -DUNINSTALL_LIST=<generated .nsh> installer/windows/ungedesk.nsi
;
; What it does:
; - installs the frozen app folder (UngeDesk.exe, ungedesk-cli.exe, _internal\) for the current
;   user (default, no administrator rights: %LOCALAPPDATA%\Programs\UngeDesk) or for all users
;   (Program Files, needs an administrator): the page "Vælg brugere", or /CurrentUser and
;   /AllUsers on the command line;
; - a shortcut in the Start menu, and one on the desktop if chosen (/DesktopShortcut when silent);
; - an uninstaller registered in "Installerede apps" / "Programmer og funktioner";
; - silent install for IT departments: UngeDesk-<version>-setup.exe /S [/AllUsers] [/D=dir]
;   (/D= must come last and may not be quoted, as in every NSIS installer).
;
; The uninstaller removes the program and nothing else. The caseworker's data, the encrypted
; database in %LOCALAPPDATA%\UngeDesk\UngeDesk (platformdirs' user data dir, see
; ungedesk/store/paths.py) and its key in Windows' Credential Manager, belong to the caseworker,
; not to the program: they survive an uninstall and a reinstall finds them again. The texts
; below say so, since "afinstaller" could be read as "delete everything".

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION is not defined (use installer/windows/nsis.py)"
!endif
!ifndef VERSION_QUAD
  !error "VERSION_QUAD (four numbers, e.g. 0.1.0.0) is not defined"
!endif
!ifndef PAYLOAD
  !error "PAYLOAD (the frozen app folder) is not defined"
!endif
!ifndef OUTFILE
  !error "OUTFILE is not defined"
!endif
!ifndef ICON
  !error "ICON is not defined"
!endif
!ifndef UNINSTALL_LIST
  !error "UNINSTALL_LIST (the payload's top-level entries) is not defined"
!endif

!define APP_NAME "UngeDesk"
!define APP_EXE "UngeDesk.exe"
!define UNINSTALLER "uninstall.exe"
; One key per install mode (HKCU or HKLM through SHCTX); never rename: upgrades and the
; uninstaller find the installation through it.
!define APP_KEY "Software\UngeDesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\UngeDesk"
; Shown to the user literally: under "all users" NSIS's $LOCALAPPDATA is not the user's folder.
!define DATA_DIR_TEXT "%LOCALAPPDATA%\UngeDesk\UngeDesk"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
BrandingText "${APP_NAME} ${VERSION}"

; Per user by default: caseworkers on municipal laptops rarely have administrator rights, and the
; store and its key are per user anyway. "Highest" asks an administrator for elevation (so
; "all users" can be chosen) and never asks a standard user.
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_INSTDIR "UngeDesk"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${APP_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${APP_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
; The bundle is 64-bit: "all users" means the 64-bit Program Files.
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_MUI
!define MULTIUSER_INIT_TEXT_ADMINREQUIRED "$(^Caption) kræver administratorrettigheder."
!define MULTIUSER_INIT_TEXT_POWERREQUIRED "$(^Caption) kræver administratorrettigheder."
!define MULTIUSER_INIT_TEXT_ALLUSERSNOTPOSSIBLE "Din brugerkonto har ikke rettigheder til at installere $(^Name) for alle brugere på computeren. Installer kun for dig selv, eller bed IT om hjælp."

!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include Sections.nsh
!include x64.nsh

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$(^Name) er installeret. Start programmet fra menuen Start.$\r$\n$\r$\nHar du brugt $(^Name) før på denne computer, finder programmet dine data igen."
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "Programmet $(^Name) fjernes fra computeren. Dine data bliver liggende: den krypterede database i ${DATA_DIR_TEXT} og dens nøgle i Windows' Legitimationsstyring slettes ikke. Skal de væk, så slet mappen selv (tag først en sikkerhedskopi, hvis de skal bruges igen)."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "$(^Name) er fjernet"
!define MUI_FINISHPAGE_TEXT "Programmet er fjernet. Dine data er ikke slettet: de ligger stadig i ${DATA_DIR_TEXT}, og en ny installation af $(^Name) finder dem igen."
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "Danish"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=${LANG_DANISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_DANISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_DANISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_DANISH} "FileDescription" "Installation af ${APP_NAME}"
VIAddVersionKey /LANG=${LANG_DANISH} "CompanyName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_DANISH} "LegalCopyright" "${APP_NAME}"

Section "UngeDesk (programmet)" SecApp
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the runtime folder wholesale: libraries left from an older Python or
  ; Qt would otherwise be loaded beside the new ones. Only our own folder name is removed.
  RMDir /r "$INSTDIR\_internal"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr SHCTX "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${APP_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${APP_KEY}" "Version" "${VERSION}"

  ; Add/Remove Programs ("Installerede apps"). The mode goes with the uninstall command so the
  ; uninstaller looks in the same registry hive and Start menu as the install did.
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$\"$INSTDIR\${APP_EXE}$\",0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" "$\"$INSTDIR\${UNINSTALLER}$\" /$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" "$\"$INSTDIR\${UNINSTALLER}$\" /$MultiUser.InstallMode /S"
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "Genvej på skrivebordet" SecDesktop
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(^Name) kræver 64-bit Windows 10 eller nyere." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ; /D=dir is the only way $INSTDIR is set this early (there is no InstallDir): keep it, since
  ; MULTIUSER_INIT puts the mode's default folder into $INSTDIR.
  StrCpy $R9 $INSTDIR
  !insertmacro MULTIUSER_INIT
  ${If} $R9 != ""
    StrCpy $INSTDIR $R9
  ${EndIf}
  ; The desktop shortcut is off by default; IT can ask for it in a silent install.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DesktopShortcut" $R1
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecDesktop}
  ${EndIf}
FunctionEnd

Section "Uninstall"
  ; Only what the installer put into its own folder (the payload's top-level entries, listed
  ; at compile time), never the folder's other contents and never the data folder.
  !include "${UNINSTALL_LIST}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "${APP_KEY}"
  DetailPrint "Dine data er ikke slettet: ${DATA_DIR_TEXT}"
SectionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
FunctionEnd
