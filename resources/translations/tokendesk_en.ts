<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CommandLine</name>
    <message numerus="yes">
        <source>Audit log intact: %n row(s) verified.</source>
        <translation>
            <numerusform>Audit log intact: %n row verified.</numerusform>
            <numerusform>Audit log intact: %n rows verified.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmptyStateWidget</name>
    <message numerus="yes">
        <source>%n account(s) are set up, but none of their tokens are known yet. Add another account, or refresh an account to read its tokens.</source>
        <translation>
            <numerusform>%n account is set up, but none of its tokens are known yet. Add another account, or refresh an account to read its tokens.</numerusform>
            <numerusform>%n accounts are set up, but none of their tokens are known yet. Add another account, or refresh an account to read its tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n token(s)</source>
        <translation>
            <numerusform>%1 of %n token</numerusform>
            <numerusform>%1 of %n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshing %n account(s)…</source>
        <translation>
            <numerusform>Refreshing %n account…</numerusform>
            <numerusform>Refreshing %n accounts…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed: %n token(s) listed.</source>
        <translation>
            <numerusform>Refreshed: %n token listed.</numerusform>
            <numerusform>Refreshed: %n tokens listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PangeaProvider</name>
    <message numerus="yes">
        <source>Pangea accepted the request but had not finished it after %n poll(s); its outcome can be read at /request/%1. Refresh the item before trying again.</source>
        <translation>
            <numerusform>Pangea accepted the request but had not finished it after %n poll; its outcome can be read at /request/%1. Refresh the item before trying again.</numerusform>
            <numerusform>Pangea accepted the request but had not finished it after %n polls; its outcome can be read at /request/%1. Refresh the item before trying again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyDuration</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RotationCommand</name>
    <message numerus="yes">
        <source>Resuming %n unfinished rotation(s) first.</source>
        <translation>
            <numerusform>Resuming %n unfinished rotation first.</numerusform>
            <numerusform>Resuming %n unfinished rotations first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecretJob</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s). If it shows an unlock prompt, answer it; otherwise restart your keyring and try again.</source>
        <translation>
            <numerusform>The keychain did not answer within %n second. If it shows an unlock prompt, answer it; otherwise restart your keyring and try again.</numerusform>
            <numerusform>The keychain did not answer within %n seconds. If it shows an unlock prompt, answer it; otherwise restart your keyring and try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenActions</name>
    <message numerus="yes">
        <source>Rotating %n token(s)…</source>
        <translation>
            <numerusform>Rotating %n token…</numerusform>
            <numerusform>Rotating %n tokens…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Revoke %n Token(s) Now</source>
        <translation>
            <numerusform>Revoke %n Token Now</numerusform>
            <numerusform>Revoke %n Tokens Now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Emergency revocation finished; %n token(s) failed.</source>
        <translation>
            <numerusform>Emergency revocation finished; %n token failed.</numerusform>
            <numerusform>Emergency revocation finished; %n tokens failed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenSelection</name>
    <message numerus="yes">
        <source>“%1” names %n tokens; give the id instead (see “tokendesk-cli list --json”).</source>
        <translation>
            <numerusform>“%1” names %n token; give the id instead (see “tokendesk-cli list --json”).</numerusform>
            <numerusform>“%1” names %n tokens; give the id instead (see “tokendesk-cli list --json”).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenTableModel</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
</TS>
