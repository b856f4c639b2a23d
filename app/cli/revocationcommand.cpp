// SPDX-License-Identifier: GPL-3.0-or-later
#include "revocationcommand.h"

#include "appcontext.h"
#include "cli/commandline.h"
#include "domain/clock.h"
#include "secrets/keychainsecretstore.h"
#include "store/workspacestore.h"
#include "tokenselection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {

QString outcomeId(EmergencyRevocation::Item::Outcome outcome)
{
    switch (outcome) {
    case EmergencyRevocation::Item::Outcome::Planned:
        return u"planned"_s;
    case EmergencyRevocation::Item::Outcome::Revoked:
        return u"revoked"_s;
    case EmergencyRevocation::Item::Outcome::Failed:
        return u"failed"_s;
    case EmergencyRevocation::Item::Outcome::NotPossible:
        return u"still-valid"_s;
    }
    return {};
}

} // namespace

RevocationCommand::RevocationCommand(QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{ }

RevocationCommand::~RevocationCommand() = default;

int RevocationCommand::start(
    const QString &workspacePath, const QStringList &tokens, const QString &account, bool all, bool json)
{
    m_json = json;
    m_store = std::make_unique<WorkspaceStore>();
    if (!m_store->open(workspacePath)) {
        m_err << m_store->errorString() << Qt::endl;
        return CommandLine::WorkspaceUnavailable;
    }
    QString error;
    const QList<qint64> ids = TokenSelection::resolve(*m_store, tokens, account, all, &error);
    if (!error.isEmpty()) {
        m_err << error << Qt::endl;
        return CommandLine::UsageError;
    }
    if (ids.isEmpty()) {
        m_out << tr("No token to revoke.") << Qt::endl;
        return CommandLine::Success;
    }
    m_secrets = std::make_unique<KeychainSecretStore>();
    m_context = new AppContext(m_store.get(), m_secrets.get(), Clock::system(), this);
    auto *revocation = new EmergencyRevocation(m_context, this);
    connect(revocation, &EmergencyRevocation::finished, this, &RevocationCommand::report);
    revocation->start(ids);
    return CommandLine::Pending;
}

void RevocationCommand::report(const QList<EmergencyRevocation::Item> &items)
{
    int failures = 0;
    QJsonArray array;
    for (const EmergencyRevocation::Item &item : items) {
        if (item.outcome == EmergencyRevocation::Item::Outcome::Failed)
            ++failures;
        if (m_json) {
            array.append(QJsonObject {{u"token"_s, item.tokenName}, {u"tokenId"_s, item.tokenId},
                {u"account"_s, item.accountName}, {u"outcome"_s, outcomeId(item.outcome)},
                {u"versions"_s, QJsonArray::fromStringList(item.versions)}, {u"message"_s, item.message},
                {u"stillValidUntil"_s,
                    item.stillValidUntil.isValid() ? item.stillValidUntil.toString(Qt::ISODate) : QString()}});
            continue;
        }
        switch (item.outcome) {
        case EmergencyRevocation::Item::Outcome::Revoked:
            m_out << tr("REVOKED      %1 (%2): %3").arg(item.tokenName, item.accountName, item.versions.join(u", "_s))
                  << Qt::endl;
            break;
        case EmergencyRevocation::Item::Outcome::Failed:
            m_out << tr("FAILED       %1 (%2): %3").arg(item.tokenName, item.accountName, item.message) << Qt::endl;
            break;
        default:
            m_out << tr("STILL VALID  %1 (%2) until %3: %4")
                         .arg(item.tokenName, item.accountName,
                             item.stillValidUntil.isValid() ? item.stillValidUntil.toString(Qt::ISODate)
                                                            : tr("it expires"),
                             item.message)
                  << Qt::endl;
            break;
        }
    }
    if (m_json)
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    m_out.flush();
    QCoreApplication::exit(failures == 0 ? CommandLine::Success : CommandLine::Failure);
}
