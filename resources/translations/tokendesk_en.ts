<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountDelegate</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountListModel</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n due soon</source>
        <translation>
            <numerusform>%n due soon</numerusform>
            <numerusform>%n due soon</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n account</numerusform>
            <numerusform>%n accounts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLogWindow</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 of %n event</numerusform>
            <numerusform>%1 of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hash chain verified: %n entries intact</source>
        <translation>
            <numerusform>Hash chain verified: %n entry intact</numerusform>
            <numerusform>Hash chain verified: %n entries intact</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>Exported %n event to %1.</numerusform>
            <numerusform>Exported %n events to %1.</numerusform>
        </translation>
    </message>
</context>
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
        <source>Policy saved for %n token(s).</source>
        <translation>
            <numerusform>Policy saved for %n token.</numerusform>
            <numerusform>Policy saved for %n tokens.</numerusform>
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
    <name>PolicyEditorDialog</name>
    <message numerus="yes">
        <source>Edit Policy of %n Token(s)</source>
        <translation>
            <numerusform>Edit Policy of %n Token</numerusform>
            <numerusform>Edit Policy of %n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tokens. A field showing “(various)” differs among them and stays as each token has it unless you type a value.</source>
        <translation>
            <numerusform>%n token. A field showing “(various)” differs among them and stays as each token has it unless you type a value.</numerusform>
            <numerusform>%n tokens. A field showing “(various)” differs among them and stays as each token has it unless you type a value.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next rotations of %1, the first of %n selected tokens:</source>
        <translation>
            <numerusform>Next rotations of %1, the first of %n selected token:</numerusform>
            <numerusform>Next rotations of %1, the first of %n selected tokens:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✔ The policy was saved for %n token(s).</source>
        <translation>
            <numerusform>✔ The policy was saved for %n token.</numerusform>
            <numerusform>✔ The policy was saved for %n tokens.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✘ %n token(s) kept their previous policy:</source>
        <translation>
            <numerusform>✘ %n token kept its previous policy:</numerusform>
            <numerusform>✘ %n tokens kept their previous policy:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RefreshRound</name>
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
    <name>RotationProgressDialog</name>
    <message numerus="yes">
        <source>Rotate %n Token(s)</source>
        <translation>
            <numerusform>Rotate %n Token</numerusform>
            <numerusform>Rotate %n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) withdrawn; rotations under way finish safely.</source>
        <translation>
            <numerusform>%n token withdrawn; rotations under way finish safely.</numerusform>
            <numerusform>%n tokens withdrawn; rotations under way finish safely.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>New secret copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>New secret copied. The clipboard is cleared in %n second.</numerusform>
            <numerusform>New secret copied. The clipboard is cleared in %n seconds.</numerusform>
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
    <name>TimelineView</name>
    <message numerus="yes">
        <source>…and %n more event(s)</source>
        <translation>
            <numerusform>…and %n more event</numerusform>
            <numerusform>…and %n more events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in the next %1 days</source>
        <translation>
            <numerusform>%n event in the next %1 days</numerusform>
            <numerusform>%n events in the next %1 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing is due in the next %n day(s).</source>
        <translation>
            <numerusform>Nothing is due in the next %n day.</numerusform>
            <numerusform>Nothing is due in the next %n days.</numerusform>
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
    <message numerus="yes">
        <source>%n selected token(s)</source>
        <translation>
            <numerusform>%n selected token</numerusform>
            <numerusform>%n selected tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;li&gt;… and %n more (see Show Details)&lt;/li&gt;</source>
        <translation>
            <numerusform>&lt;li&gt;… and %n more (see Show Details)&lt;/li&gt;</numerusform>
            <numerusform>&lt;li&gt;… and %n more (see Show Details)&lt;/li&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokenFilterBar</name>
    <message numerus="yes">
        <source>Due within %n day(s)</source>
        <translation>
            <numerusform>Due within %n day</numerusform>
            <numerusform>Due within %n days</numerusform>
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
<context>
    <name>TrayNotifier</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) are due for rotation soon: %1.</source>
        <translation>
            <numerusform>%n token is due for rotation soon: %1.</numerusform>
            <numerusform>%n tokens are due for rotation soon: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) are overdue for rotation: %1.</source>
        <translation>
            <numerusform>%n token is overdue for rotation: %1.</numerusform>
            <numerusform>%n tokens are overdue for rotation: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rotation(s) failed</source>
        <translation>
            <numerusform>%n rotation failed</numerusform>
            <numerusform>%n rotations failed</numerusform>
        </translation>
    </message>
</context>
</TS>
