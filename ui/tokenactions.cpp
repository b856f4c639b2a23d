// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenactions.h"

#include "appcontext.h"
#include "dialogs/revocationreportdialog.h"
#include "dialogs/rotationprogressdialog.h"
#include "domain/clock.h"
#include "icons.h"
#include "rotationengine.h"
#include "rotationplan.h"
#include "store/workspacestore.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
// Beyond this many lines the confirmation lists the rest in its details, so it still fits a screen.
constexpr int MaxListedTokens = 25;
} // namespace

TokenActions::TokenActions(AppContext *context, QWidget *window, SelectedTokens selected, Status status)
    : QObject(window)
    , m_context(context)
    , m_window(window)
    , m_selected(std::move(selected))
    , m_account([] { return qint64(0); })
    , m_status(std::move(status))
    , m_clipboardSeconds([] { return 30; })
    , m_rotate(new QAction(Icons::action(u"rotate"_s), tr("&Rotate Now"), this))
    , m_plan(new QAction(Icons::action(u"plan"_s), tr("&Plan (Dry Run)…"), this))
    , m_revoke(new QAction(Icons::action(u"emergency-revoke"_s), tr("&Emergency Revoke…"), this))
    , m_revokeAccount(new QAction(Icons::action(u"emergency-revoke"_s), tr("Emergency Revoke &Account…"), this))
    , m_revokeAll(new QAction(Icons::action(u"emergency-revoke"_s), tr("Emergency Revoke E&verything…"), this))
{
    m_rotate->setObjectName(u"rotateAction"_s);
    m_rotate->setShortcut(QKeySequence(u"Ctrl+R"_s));
    m_rotate->setToolTip(tr("Rotate the selected tokens now (Ctrl+R)"));
    m_plan->setObjectName(u"planAction"_s);
    m_plan->setShortcut(QKeySequence(u"Ctrl+Shift+R"_s));
    m_plan->setToolTip(tr("Show exactly what rotating or revoking the selected tokens would do, without doing it"));
    m_revoke->setObjectName(u"emergencyRevokeAction"_s);
    m_revoke->setShortcut(QKeySequence(u"Ctrl+Shift+Del"_s));
    m_revoke->setToolTip(tr("Revoke every working version of the selected tokens at once, without grace"));
    m_revokeAccount->setObjectName(u"emergencyRevokeAccountAction"_s);
    m_revokeAccount->setToolTip(tr("Revoke every token of the selected account at once"));
    m_revokeAll->setObjectName(u"emergencyRevokeAllAction"_s);
    m_revokeAll->setToolTip(tr("Revoke every token of the workspace at once"));
    connect(m_rotate, &QAction::triggered, this, [this] { rotate(m_selected()); });
    connect(m_plan, &QAction::triggered, this, &TokenActions::showPlan);
    connect(m_revoke, &QAction::triggered, this, [this] {
        const QList<qint64> ids = m_selected();
        confirmRevocation(ids, tr("%n selected token(s)", nullptr, int(ids.size())));
    });
    connect(m_revokeAccount, &QAction::triggered, this, [this] {
        const std::optional<Account> account = m_context->store()->account(m_account());
        if (!account)
            return;
        QList<qint64> ids;
        for (const Token &token : m_context->store()->tokensOfAccount(account->id))
            ids << token.id;
        confirmRevocation(ids, tr("every token of %1").arg(account->displayName));
    });
    connect(m_revokeAll, &QAction::triggered, this, [this] {
        QList<qint64> ids;
        for (const Token &token : m_context->store()->tokens())
            ids << token.id;
        confirmRevocation(ids, tr("every token of the workspace"));
    });
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
    m_plan->setEnabled(any);
    m_revoke->setEnabled(any);
    m_revokeAccount->setEnabled(m_account() != 0);
}

void TokenActions::rotate(const QList<qint64> &tokenIds)
{
    if (tokenIds.isEmpty())
        return;
    auto *dialog = new RotationProgressDialog(m_context, tokenIds, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setClipboardClearSeconds(m_clipboardSeconds());
    dialog->open();
    const int count = int(tokenIds.size());
    m_status(tr("Rotating %n token(s)…", nullptr, count));
}

void TokenActions::showPlan()
{
    const QList<qint64> ids = m_selected();
    const QDateTime now = m_context->clock().nowUtc();
    QStringList text;
    for (qint64 id : ids) {
        text << tr("== Rotation ==") << RotationPlan::toText(RotationPlan::forRotation(m_context, id, now));
        text << tr("== Emergency revocation ==") << RotationPlan::toText(RotationPlan::forRevocation(m_context, id));
    }
    auto *dialog = new QDialog(m_window);
    dialog->setObjectName(u"planDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Plan (Dry Run): nothing has been sent"));
    dialog->resize(760, 520);
    auto *view = new QPlainTextEdit(text.join(u'\n'), dialog);
    view->setObjectName(u"planText"_s);
    view->setAccessibleName(tr("Plan"));
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(view);
    layout->addWidget(buttons);
    dialog->open();
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

void TokenActions::confirmRevocation(const QList<qint64> &tokenIds, const QString &scope)
{
    if (tokenIds.isEmpty()) {
        m_status(tr("Nothing to revoke: %1 has no tokens.").arg(scope));
        return;
    }
    const QList<EmergencyRevocation::Item> plan = EmergencyRevocation::plan(m_context, tokenIds);
    QStringList revoked;
    QStringList stays;
    QStringList everything; // the full list, for the details when the text has to be cut
    for (const EmergencyRevocation::Item &item : plan) {
        if (item.outcome == EmergencyRevocation::Item::Outcome::Planned) {
            revoked << tr("<li><b>%1</b> (%2): %3</li>")
                           .arg(item.tokenName.toHtmlEscaped(), item.accountName.toHtmlEscaped(),
                               item.versions.join(u", "_s).toHtmlEscaped());
            everything << tr("Revoke %1 (%2): %3").arg(item.tokenName, item.accountName, item.versions.join(u", "_s));
        } else {
            const QString until = item.stillValidUntil.isValid()
                ? QLocale().toString(item.stillValidUntil.toLocalTime(), QLocale::ShortFormat)
                : tr("it expires");
            stays << tr("<li><b>%1</b> (%2) stays valid until %3: %4</li>")
                         .arg(item.tokenName.toHtmlEscaped(), item.accountName.toHtmlEscaped(), until,
                             item.message.toHtmlEscaped());
            everything
                << tr("Stays valid until %1: %2 (%3): %4").arg(until, item.tokenName, item.accountName, item.message);
        }
    }
    const auto listed = [](const QStringList &lines) -> QString {
        if (lines.size() <= MaxListedTokens)
            return lines.join(QString());
        const int more = int(lines.size()) - MaxListedTokens;
        return lines.mid(0, MaxListedTokens).join(QString())
            + tr("<li>… and %n more (see Show Details)</li>", nullptr, more);
    };
    QString text = tr("<p>Emergency revocation of <b>%1</b>. These versions stop working <b>now</b>, without any "
                      "grace period. Applications still using them will fail.</p>")
                       .arg(scope.toHtmlEscaped());
    if (!revoked.isEmpty())
        text += tr("<p>Revoked:</p><ul>%1</ul>").arg(listed(revoked));
    if (!stays.isEmpty())
        text += tr("<p>Cannot be revoked from here:</p><ul>%1</ul>").arg(listed(stays));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Emergency Revocation"), text, QMessageBox::Cancel, m_window);
    box->setObjectName(u"revocationConfirmation"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (revoked.size() > MaxListedTokens || stays.size() > MaxListedTokens)
        box->setDetailedText(everything.join(u'\n'));
    const int revokedCount = int(revoked.size());
    QPushButton *go = box->addButton(tr("Revoke %n Token(s) Now", nullptr, revokedCount), QMessageBox::DestructiveRole);
    go->setObjectName(u"confirmRevokeButton"_s);
    go->setEnabled(!revoked.isEmpty());
    box->setDefaultButton(QMessageBox::Cancel); // Enter must never revoke by accident
    connect(go, &QPushButton::clicked, this, [this, tokenIds, scope] {
        auto *revocation = new EmergencyRevocation(m_context, this);
        connect(revocation, &EmergencyRevocation::finished, this, [this, revocation] {
            int failed = 0;
            for (const EmergencyRevocation::Item &item : revocation->items())
                failed += item.outcome == EmergencyRevocation::Item::Outcome::Failed;
            m_status(failed == 0 ? tr("Emergency revocation finished.")
                                 : tr("Emergency revocation finished; %n token(s) failed.", nullptr, failed));
        });
        revocation->start(tokenIds);
        showReport(revocation, scope);
    });
    box->open();
}

void TokenActions::showReport(EmergencyRevocation *revocation, const QString &scope)
{
    if (m_report)
        m_report->close();
    m_report = new RevocationReportDialog(revocation, scope, m_window);
    m_report->setAttribute(Qt::WA_DeleteOnClose);
    m_report->open();
}
