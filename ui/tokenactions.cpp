// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenactions.h"

#include "appcontext.h"
#include "rotationengine.h"
#include "store/workspacestore.h"

#include <QAction>
#include <QIcon>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

TokenActions::TokenActions(AppContext *context, QWidget *window, SelectedTokens selected, Status status)
    : QObject(window)
    , m_context(context)
    , m_window(window)
    , m_selected(std::move(selected))
    , m_status(std::move(status))
    , m_rotate(new QAction(QIcon::fromTheme(u"view-refresh"_s), tr("&Rotate Now"), this))
    , m_revoke(new QAction(QIcon::fromTheme(u"dialog-warning"_s), tr("&Emergency Revoke…"), this))
{
    m_rotate->setObjectName(u"rotateAction"_s);
    m_rotate->setShortcut(QKeySequence(u"Ctrl+R"_s));
    m_rotate->setToolTip(tr("Rotate the selected tokens now"));
    m_revoke->setObjectName(u"emergencyRevokeAction"_s);
    m_revoke->setShortcut(QKeySequence(u"Ctrl+Shift+Del"_s));
    m_revoke->setToolTip(tr("Revoke every working version of the selected tokens at once, without grace"));
    connect(m_rotate, &QAction::triggered, this, &TokenActions::rotateSelected);
    connect(m_revoke, &QAction::triggered, this, &TokenActions::confirmRevocation);
    connect(m_context->engine(), &RotationEngine::finished, this, &TokenActions::onRotationFinished);
    connect(m_context->engine(), &RotationEngine::refused, this, [this](qint64 tokenId, const QString &reason) {
        const std::optional<Token> token = m_context->store()->token(tokenId);
        m_status(tr("%1: not rotated: %2").arg(token ? token->name : QString::number(tokenId), reason));
    });
    selectionChanged();
}

void TokenActions::selectionChanged()
{
    const bool any = !m_selected().isEmpty();
    m_rotate->setEnabled(any);
    m_revoke->setEnabled(any);
}

void TokenActions::rotateSelected()
{
    const QList<qint64> ids = m_selected();
    m_context->engine()->rotateAll(ids);
    m_status(tr("Rotating %n token(s)…", nullptr, static_cast<int>(ids.size())));
}

void TokenActions::onRotationFinished(const Rotation &rotation)
{
    const std::optional<Token> token = m_context->store()->token(rotation.tokenId);
    const QString name = token ? token->name : QString::number(rotation.tokenId);
    switch (rotation.status) {
    case Rotation::Status::Done:
    case Rotation::Status::Waiting:
        m_status(tr("%1: version %2 is current.").arg(name).arg(rotation.newVersion));
        break;
    default:
        m_status(tr("%1: rotation failed: %2").arg(name, rotation.error));
        break;
    }
}

void TokenActions::confirmRevocation()
{
    const QList<qint64> ids = m_selected();
    const QList<EmergencyRevocation::Item> plan = EmergencyRevocation::plan(m_context, ids);
    QStringList revoked;
    QStringList stays;
    for (const EmergencyRevocation::Item &item : plan) {
        if (item.outcome == EmergencyRevocation::Item::Outcome::Planned)
            revoked << tr("<li><b>%1</b> (%2): %3</li>")
                           .arg(item.tokenName.toHtmlEscaped(), item.accountName.toHtmlEscaped(),
                               item.versions.join(u", "_s).toHtmlEscaped());
        else
            stays << tr("<li><b>%1</b> (%2) stays valid until %3: %4</li>")
                         .arg(item.tokenName.toHtmlEscaped(), item.accountName.toHtmlEscaped(),
                             item.stillValidUntil.isValid() ? item.stillValidUntil.toLocalTime().toString()
                                                            : tr("it expires"),
                             item.message.toHtmlEscaped());
    }
    QString text = tr("<p>These versions stop working <b>now</b>, without any grace period. Applications still "
                      "using them will fail.</p>");
    if (!revoked.isEmpty())
        text += tr("<p>Revoked:</p><ul>%1</ul>").arg(revoked.join(QString()));
    if (!stays.isEmpty())
        text += tr("<p>Cannot be revoked from here:</p><ul>%1</ul>").arg(stays.join(QString()));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Emergency Revocation"), text, QMessageBox::Cancel, m_window);
    box->setObjectName(u"revocationConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *go = box->addButton(
        tr("Revoke %n Token(s) Now", nullptr, static_cast<int>(revoked.size())), QMessageBox::DestructiveRole);
    go->setObjectName(u"confirmRevokeButton"_s);
    go->setEnabled(!revoked.isEmpty());
    box->setDefaultButton(QMessageBox::Cancel); // Enter must never revoke by accident
    connect(go, &QPushButton::clicked, this, [this, ids] {
        auto *revocation = new EmergencyRevocation(m_context, this);
        connect(revocation, &EmergencyRevocation::progress, this,
            [this](int done, int total) { m_status(tr("Revoking: %1 of %2 done…").arg(done).arg(total)); });
        connect(revocation, &EmergencyRevocation::finished, this, [this, revocation] { showReport(revocation); });
        revocation->start(ids);
    });
    box->open();
}

void TokenActions::showReport(EmergencyRevocation *revocation)
{
    QStringList lines;
    int failed = 0;
    for (const EmergencyRevocation::Item &item : revocation->items()) {
        const QString who = item.tokenName.toHtmlEscaped();
        switch (item.outcome) {
        case EmergencyRevocation::Item::Outcome::Revoked:
            lines << tr("<li>✔ <b>%1</b>: revoked %2</li>").arg(who, item.versions.join(u", "_s).toHtmlEscaped());
            break;
        case EmergencyRevocation::Item::Outcome::Failed:
            ++failed;
            lines << tr("<li>✘ <b>%1</b>: %2</li>").arg(who, item.message.toHtmlEscaped());
            break;
        default:
            lines << tr("<li>⚠ <b>%1</b> stays valid: %2</li>").arg(who, item.message.toHtmlEscaped());
            break;
        }
    }
    if (m_report)
        m_report->close();
    m_report = new QMessageBox(QMessageBox::Information, tr("Emergency Revocation Report"),
        tr("<ul>%1</ul>").arg(lines.join(QString())), QMessageBox::Close, m_window);
    m_report->setObjectName(u"revocationReport"_s);
    m_report->setAttribute(Qt::WA_DeleteOnClose);
    if (failed > 0) {
        QPushButton *retry = m_report->addButton(tr("Retry Failed"), QMessageBox::ActionRole);
        retry->setObjectName(u"retryFailedButton"_s);
        connect(retry, &QPushButton::clicked, revocation, &EmergencyRevocation::retryFailed);
    }
    m_status(failed == 0 ? tr("Emergency revocation finished.")
                         : tr("Emergency revocation finished; %n token(s) failed.", nullptr, failed));
    m_report->open();
}
