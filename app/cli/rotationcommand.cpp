// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationcommand.h"

#include "appcontext.h"
#include "cli/commandline.h"
#include "domain/clock.h"
#include "domain/rotationdue.h"
#include "rotationengine.h"
#include "secrets/keychainsecretstore.h"
#include "store/workspacestore.h"
#include "tokenselection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

RotationCommand::RotationCommand(QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_out(out)
    , m_err(err)
{ }

RotationCommand::~RotationCommand() = default;

int RotationCommand::start(const QString &workspacePath, const QStringList &tokens, bool due, bool json)
{
    m_json = json;
    m_store = std::make_unique<WorkspaceStore>();
    if (!m_store->open(workspacePath)) {
        m_err << m_store->errorString() << Qt::endl;
        return CommandLine::WorkspaceUnavailable;
    }
    QString error;
    const QList<qint64> ids = resolveTokens(tokens, due, &error);
    if (!error.isEmpty()) {
        m_err << error << Qt::endl;
        return CommandLine::UsageError;
    }
    m_secrets = std::make_unique<KeychainSecretStore>();
    m_context = new AppContext(m_store.get(), m_secrets.get(), Clock::system(), this);
    m_engine = new RotationEngine(m_context, this);
    connect(m_engine, &RotationEngine::finished, this, &RotationCommand::report);
    connect(m_engine, &RotationEngine::idle, this, &RotationCommand::finishAll);
    const int recovered = m_engine->resume();
    if (recovered > 0 && !m_json)
        m_out << tr("Resuming %n unfinished rotation(s) first.", nullptr, recovered) << Qt::endl;
    for (qint64 id : ids) {
        if (!m_engine->rotate(id, &error)) {
            ++m_failures;
            m_err << tr("%1: %2").arg(m_store->token(id)->name, error) << Qt::endl;
        }
    }
    if (m_engine->isIdle()) {
        // Nothing to run: answer from the event loop like every other outcome.
        QTimer::singleShot(0, this, &RotationCommand::finishAll);
    }
    return -1;
}

QList<qint64> RotationCommand::resolveTokens(const QStringList &tokens, bool due, QString *error) const
{
    QList<qint64> ids;
    const QList<Token> all = m_store->tokens();
    if (due) {
        const QDateTime now = Clock::system().nowUtc();
        for (const Token &token : all) {
            if (token.policy.automatic && RotationDue::dueState(token, now) == DueState::Overdue)
                ids << token.id;
        }
        return ids;
    }
    return TokenSelection::resolve(*m_store, tokens, {}, false, error);
}

void RotationCommand::report(const Rotation &rotation)
{
    const std::optional<Token> token = m_store->token(rotation.tokenId);
    const QString name = token ? token->name : QString::number(rotation.tokenId);
    const bool ok = rotation.status == Rotation::Status::Done || rotation.status == Rotation::Status::Waiting;
    if (!ok)
        ++m_failures;
    ++m_done;
    if (m_json) {
        m_results << QJsonObject {{u"token"_s, name}, {u"tokenId"_s, rotation.tokenId},
            {u"status"_s, Rotation::statusId(rotation.status)}, {u"step"_s, Rotation::stepId(rotation.step)},
            {u"newVersion"_s, rotation.newVersion}, {u"oldVersion"_s, rotation.oldVersion},
            {u"waitsUntil"_s,
                rotation.status == Rotation::Status::Waiting ? rotation.dueAt.toString(Qt::ISODate) : QString()},
            {u"error"_s, rotation.error}};
        return;
    }
    switch (rotation.status) {
    case Rotation::Status::Done:
        m_out << tr("%1: rotated, version %2 is current.").arg(name).arg(rotation.newVersion) << Qt::endl;
        break;
    case Rotation::Status::Waiting:
        m_out << tr("%1: version %2 is current; version %3 is revoked at %4.")
                     .arg(name)
                     .arg(rotation.newVersion)
                     .arg(rotation.oldVersion)
                     .arg(rotation.dueAt.toString(Qt::ISODate))
              << Qt::endl;
        break;
    default:
        m_err << tr("%1: %2 (%3)").arg(name, rotation.error, Rotation::statusId(rotation.status)) << Qt::endl;
        break;
    }
}

void RotationCommand::finishAll()
{
    if (m_json) {
        QJsonArray array;
        for (const QJsonObject &result : std::as_const(m_results))
            array.append(result);
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else if (m_done == 0 && m_failures == 0) {
        m_out << tr("Nothing to rotate.") << Qt::endl;
    }
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(m_failures == 0 ? CommandLine::Success : CommandLine::Failure);
}
