// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "commandlineoptions.h"
#include "domain/rotationdue.h"
#include "store/workspacestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

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
        "  accounts    list the workspace's provider accounts\n\n"
        "Exit codes: 0 success, 1 failure, 2 usage error, 3 workspace unavailable (missing, locked "
        "or from a newer TokenDesk)."));
    const CommandLineOptions common(parser);
    const QCommandLineOption jsonOption(u"json"_s, QCoreApplication::translate("CommandLine", "Print JSON."));
    parser.addOption(jsonOption);
    parser.addPositionalArgument(u"command"_s, QCoreApplication::translate("CommandLine", "list | accounts"));

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
    if (json) {
        QJsonArray array;
        for (const Account &account : accounts) {
            array.append(QJsonObject {
                {u"id"_s, account.id},
                {u"provider"_s, ProviderKindInfo::id(account.kind)},
                {u"name"_s, account.displayName},
                {u"baseUrl"_s, account.baseUrl.toString()},
            });
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const Account &account : accounts)
        m_out << account.displayName << u'\t' << ProviderKindInfo::id(account.kind) << u'\t'
              << account.baseUrl.toString() << Qt::endl;
    return Success;
}
