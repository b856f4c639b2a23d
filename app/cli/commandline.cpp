// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "appcontext.h"
#include "auditexport.h"
#include "commandlineoptions.h"
#include "domain/clock.h"
#include "domain/rotationdue.h"
#include "revocationcommand.h"
#include "rotationcommand.h"
#include "rotationplan.h"
#include "secrets/unavailablesecretstore.h"
#include "store/workspacestore.h"
#include "tokenselection.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

QString isoOrEmpty(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

CommandLine::CommandLine(QTextStream &out, QTextStream &err)
    : m_out(out)
    , m_err(err)
{ }

int CommandLine::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("CommandLine",
        "TokenDesk command line.\n\nCommands:\n"
        "  list        list the workspace's tokens\n"
        "  accounts    list the workspace's provider accounts\n"
        "  rotate TOKEN... | --due    rotate tokens (name, id or provider id), or every automatic\n"
        "                             token whose rotation is overdue\n"
        "  resume                     finish or undo rotations an earlier run left unfinished,\n"
        "                             and revoke old versions whose grace period has ended\n"
        "  revoke --emergency TOKEN... | --account NAME | --all\n"
        "                             revoke current and grace versions now, in parallel\n"
        "  plan rotate|revoke TOKEN... | --account NAME | --all\n"
        "                             the dry run: every step and HTTP call, nothing changes\n"
        "  audit verify               check the audit log's hash chain; exit 1 if it is broken\n"
        "  audit export [--format csv|json] [--output FILE]\n"
        "                             write the audit log (standard output by default)\n\n"
        "Exit codes: 0 success, 1 failure, 2 usage error, 3 workspace unavailable (missing, locked "
        "or from a newer TokenDesk)."));
    const CommandLineOptions common(parser);
    const QCommandLineOption jsonOption(u"json"_s, QCoreApplication::translate("CommandLine", "Print JSON."));
    const QCommandLineOption formatOption(u"format"_s,
        QCoreApplication::translate("CommandLine", "Export format: csv (default) or json."), u"FORMAT"_s, u"csv"_s);
    const QCommandLineOption outputOption(u"output"_s,
        QCoreApplication::translate("CommandLine", "Write the export to FILE instead of standard output."), u"FILE"_s);
    const QCommandLineOption dueOption(
        u"due"_s, QCoreApplication::translate("CommandLine", "rotate: every automatic token that is overdue."));
    const QCommandLineOption emergencyOption(u"emergency"_s,
        QCoreApplication::translate("CommandLine", "revoke: confirm an emergency revocation (no grace period)."));
    const QCommandLineOption accountOption(u"account"_s,
        QCoreApplication::translate("CommandLine", "revoke/plan: every token of the account NAME."), u"NAME"_s);
    const QCommandLineOption allOption(
        u"all"_s, QCoreApplication::translate("CommandLine", "revoke/plan: every token of the workspace."));
    parser.addOptions({jsonOption, formatOption, outputOption, dueOption, emergencyOption, accountOption, allOption});
    parser.addPositionalArgument(
        u"command"_s, QCoreApplication::translate("CommandLine", "list | accounts | audit verify | audit export"));

    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return UsageError;
    }
    if (parser.isSet(u"version"_s)) {
        m_out << u"tokendesk-cli "_s << QCoreApplication::applicationVersion() << Qt::endl;
        return Success;
    }
    if (parser.isSet(u"help"_s)) {
        m_out << parser.helpText();
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        m_err << QCoreApplication::translate("CommandLine", "No command given. Try --help.") << Qt::endl;
        return UsageError;
    }
    const QString command = positional.constFirst();
    const bool json = parser.isSet(jsonOption);
    if (command == u"list")
        return listTokens(common.workspacePath(), json);
    if (command == u"accounts")
        return listAccounts(common.workspacePath(), json);
    if (command == u"rotate" || command == u"resume") {
        const QStringList tokens = positional.mid(1);
        const bool due = parser.isSet(dueOption);
        if (command == u"rotate" && tokens.isEmpty() == !due) {
            m_err << QCoreApplication::translate("CommandLine", "Give “rotate” either token names or --due.")
                  << Qt::endl;
            return UsageError;
        }
        return rotate(common.workspacePath(), command == u"resume" ? QStringList() : tokens, due, json);
    }
    if (command == u"revoke") {
        if (!parser.isSet(emergencyOption)) {
            m_err << tr("“revoke” acts at once, without grace periods: add --emergency to confirm.") << Qt::endl;
            return UsageError;
        }
        return revoke(
            common.workspacePath(), positional.mid(1), parser.value(accountOption), parser.isSet(allOption), json);
    }
    if (command == u"plan")
        return plan(
            common.workspacePath(), positional.mid(1), parser.value(accountOption), parser.isSet(allOption), json);
    if (command == u"audit")
        return audit(
            common.workspacePath(), positional.mid(1), parser.value(formatOption), parser.value(outputOption), json);
    m_err << QCoreApplication::translate("CommandLine", "Unknown command “%1”. Try --help.").arg(command) << Qt::endl;
    return UsageError;
}

int CommandLine::listTokens(const QString &workspacePath, bool json)
{
    WorkspaceStore store;
    // Listing only reads, so it works while the GUI holds the write lock.
    if (!store.open(workspacePath, WorkspaceStore::OpenMode::ReadOnly)) {
        m_err << store.errorString() << Qt::endl;
        return WorkspaceUnavailable;
    }
    QHash<qint64, Account> accounts;
    for (const Account &account : store.accounts())
        accounts.insert(account.id, account);
    const QList<Token> tokens = store.tokens();
    if (json) {
        QJsonArray array;
        for (const Token &token : tokens) {
            const Account account = accounts.value(token.accountId);
            array.append(QJsonObject {
                {u"id"_s, token.id},
                {u"name"_s, token.name},
                {u"provider"_s, ProviderKindInfo::id(account.kind)},
                {u"account"_s, account.displayName},
                {u"providerId"_s, token.providerId},
                {u"state"_s, TokenStateInfo::id(token.state)},
                {u"currentVersion"_s, token.currentVersion},
                {u"expires"_s, isoOrEmpty(token.expiresAt)},
                {u"nextRotation"_s, isoOrEmpty(RotationDue::nextDue(token))},
                {u"policy"_s, token.policy.interval.toIso8601()},
            });
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    if (tokens.isEmpty()) {
        m_out << QCoreApplication::translate("CommandLine", "The workspace %1 has no tokens yet.").arg(store.path())
              << Qt::endl;
        return Success;
    }
    for (const Token &token : tokens) {
        const Account account = accounts.value(token.accountId);
        m_out << token.name << u'\t' << ProviderKindInfo::id(account.kind) << u'\t' << account.displayName << u'\t'
              << TokenStateInfo::id(token.state) << u"\tv"_s << token.currentVersion << u'\t'
              << isoOrEmpty(RotationDue::nextDue(token)) << Qt::endl;
    }
    return Success;
}

int CommandLine::listAccounts(const QString &workspacePath, bool json)
{
    WorkspaceStore store;
    if (!store.open(workspacePath, WorkspaceStore::OpenMode::ReadOnly)) {
        m_err << store.errorString() << Qt::endl;
        return WorkspaceUnavailable;
    }
    const QList<Account> accounts = store.accounts();
    UnavailableSecretStore noSecrets(tr("Listing accounts reads no secret."));
    AppContext context(&store, &noSecrets, Clock::system());
    if (json) {
        QJsonArray array;
        for (const Account &account : accounts) {
            const ProviderCapabilities caps = context.providers().capabilities(account);
            array.append(QJsonObject {
                {u"id"_s, account.id},
                {u"provider"_s, ProviderKindInfo::id(account.kind)},
                {u"name"_s, account.displayName},
                {u"baseUrl"_s, account.baseUrl.toString()},
                {u"can"_s, QJsonArray::fromStringList(caps.abilities())},
                {u"limitations"_s, QJsonArray::fromStringList(caps.limitations)},
            });
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const Account &account : accounts) {
        const ProviderCapabilities caps = context.providers().capabilities(account);
        m_out << account.displayName << u'\t' << ProviderKindInfo::id(account.kind) << u'\t'
              << account.baseUrl.toString() << Qt::endl;
        m_out << u"  "_s
              << tr("can: %1").arg(caps.abilities().isEmpty() ? tr("nothing") : caps.abilities().join(u", "_s))
              << Qt::endl;
        for (const QString &limit : caps.limitations)
            m_out << u"  "_s << tr("limit: %1").arg(limit) << Qt::endl;
    }
    return Success;
}

int CommandLine::audit(
    const QString &workspacePath, const QStringList &arguments, const QString &format, const QString &output, bool json)
{
    const QString action = arguments.value(0);
    if (arguments.size() != 1 || (action != u"verify" && action != u"export")) {
        m_err << QCoreApplication::translate("CommandLine", "Use “audit verify” or “audit export”.") << Qt::endl;
        return UsageError;
    }
    if (action == u"export" && format != u"csv" && format != u"json") {
        m_err << QCoreApplication::translate("CommandLine", "Unknown export format “%1”: use csv or json.").arg(format)
              << Qt::endl;
        return UsageError;
    }
    WorkspaceStore store;
    // Reading only: works while the GUI holds the write lock.
    if (!store.open(workspacePath, WorkspaceStore::OpenMode::ReadOnly)) {
        m_err << store.errorString() << Qt::endl;
        return WorkspaceUnavailable;
    }
    if (action == u"verify") {
        const AuditChain::Verification result = store.verifyAudit();
        if (json) {
            m_out << QString::fromUtf8(
                QJsonDocument(QJsonObject {{u"intact"_s, result.intact}, {u"rowsChecked"_s, result.rowsChecked},
                                  {u"brokenAtId"_s, result.brokenAtId}, {u"problem"_s, result.problem}})
                    .toJson(QJsonDocument::Indented));
        } else if (result.intact) {
            const int rows = static_cast<int>(result.rowsChecked);
            m_out << tr("Audit log intact: %n row(s) verified.", nullptr, rows) << Qt::endl;
        } else {
            m_err << QCoreApplication::translate("CommandLine", "Audit log BROKEN: %1").arg(result.problem) << Qt::endl;
        }
        return result.intact ? Success : Failure;
    }
    const QByteArray data = AuditExport::format(
        format == u"json" ? AuditExport::Format::Json : AuditExport::Format::Csv, store.auditEvents());
    if (output.isEmpty()) {
        m_out << QString::fromUtf8(data);
        return Success;
    }
    // QSaveFile: a full disk leaves the previous file as it was, never half an export.
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_err << QCoreApplication::translate("CommandLine", "Cannot write %1: %2").arg(output, file.errorString())
              << Qt::endl;
        return Failure;
    }
    return Success;
}

int CommandLine::rotate(const QString &workspacePath, const QStringList &tokens, bool due, bool json)
{
    auto *command = new RotationCommand(m_out, m_err, QCoreApplication::instance());
    const int code = command->start(workspacePath, tokens, due, json);
    if (code != Pending)
        delete command;
    return code;
}

int CommandLine::revoke(
    const QString &workspacePath, const QStringList &tokens, const QString &account, bool all, bool json)
{
    if (tokens.isEmpty() == (account.isEmpty() && !all)) {
        m_err << tr("Name the tokens to revoke, or give --account NAME or --all (one of them).") << Qt::endl;
        return UsageError;
    }
    auto *command = new RevocationCommand(m_out, m_err, QCoreApplication::instance());
    const int code = command->start(workspacePath, tokens, account, all, json);
    if (code != Pending)
        delete command;
    return code;
}

int CommandLine::plan(
    const QString &workspacePath, const QStringList &arguments, const QString &account, bool all, bool json)
{
    const QString what = arguments.value(0);
    const QStringList tokens = arguments.mid(1);
    if ((what != u"rotate" && what != u"revoke") || tokens.isEmpty() == (account.isEmpty() && !all)) {
        m_err << tr("Use “plan rotate|revoke TOKEN...”, or --account NAME or --all instead of tokens.") << Qt::endl;
        return UsageError;
    }
    WorkspaceStore store;
    if (!store.open(workspacePath, WorkspaceStore::OpenMode::ReadOnly)) {
        m_err << store.errorString() << Qt::endl;
        return WorkspaceUnavailable;
    }
    QString error;
    const QList<qint64> ids = TokenSelection::resolve(store, tokens, account, all, &error);
    if (!error.isEmpty()) {
        m_err << error << Qt::endl;
        return UsageError;
    }
    UnavailableSecretStore noSecrets(tr("A dry run reads no secret."));
    AppContext context(&store, &noSecrets, Clock::system());
    QJsonArray array;
    for (qint64 id : ids) {
        const RotationPlan::Plan plan = what == u"rotate"
            ? RotationPlan::forRotation(&context, id, Clock::system().nowUtc())
            : RotationPlan::forRevocation(&context, id);
        if (!json) {
            m_out << RotationPlan::toText(plan);
            continue;
        }
        QJsonArray steps;
        for (const RotationPlan::Step &step : plan.steps)
            steps.append(QJsonObject {
                {u"step"_s, step.step}, {u"method"_s, step.method}, {u"path"_s, step.path}, {u"note"_s, step.note}});
        array.append(QJsonObject {{u"token"_s, plan.tokenName}, {u"account"_s, plan.accountName}, {u"steps"_s, steps},
            {u"refusal"_s, plan.refusal}, {u"revokeAt"_s, plan.revokeAt.toString(Qt::ISODate)},
            {u"deleteAt"_s, plan.deleteAt.toString(Qt::ISODate)}});
    }
    if (json)
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return Success;
}
