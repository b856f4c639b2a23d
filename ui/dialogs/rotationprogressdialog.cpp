// SPDX-License-Identifier: GPL-3.0-or-later
#include "rotationprogressdialog.h"

#include "appcontext.h"
#include "clipboardguard.h"
#include "domain/rotation.h"
#include "icons.h"
#include "rotationengine.h"
#include "secrets/secretjob.h"
#include "secrets/secretstore.h"
#include "store/rotationstore.h"
#include "store/workspacestore.h"

#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

enum Column { TokenColumn, AccountColumn, StepsColumn, ResultColumn };
constexpr int TokenIdRole = Qt::UserRole;

// The steps an admin follows; reserve and the Vault sink are folded into their neighbours.
QString stepsText(Rotation::Step current)
{
    const std::array steps {
        Rotation::Step::Create, Rotation::Step::Store, Rotation::Step::Verify, Rotation::Step::Promote};
    QStringList parts;
    for (Rotation::Step step : steps) {
        const QString label = Rotation::stepLabel(step);
        if (int(step) < int(current) && !(step == Rotation::Step::Verify && current == Rotation::Step::Sink))
            parts << u"✓ "_s + label;
        else if (step == current || (step == Rotation::Step::Create && current == Rotation::Step::Reserve)
            || (step == Rotation::Step::Verify && current == Rotation::Step::Sink))
            parts << u"▸ "_s + label;
        else
            parts << label;
    }
    return parts.join(u"  "_s);
}

} // namespace

RotationProgressDialog::RotationProgressDialog(AppContext *context, const QList<qint64> &tokenIds, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_list(new QTreeWidget(this))
    , m_overall(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_clipboardStatus(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel Remaining"), this))
    , m_retry(new QPushButton(Icons::action(u"rotate"_s), tr("&Retry Failed"), this))
    , m_copy(new QPushButton(Icons::action(u"copy"_s), tr("&Copy New Secret"), this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_clipboard(new ClipboardGuard(this))
{
    setObjectName(u"rotationProgressDialog"_s);
    setWindowTitle(tr("Rotate %n Token(s)", nullptr, int(tokenIds.size())));
    resize(820, 420);

    m_list->setObjectName(u"rotationList"_s);
    m_list->setAccessibleName(tr("Rotations"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true); // thousands of rows stay cheap
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Token"), tr("Account"), tr("Steps"), tr("Result")});
    m_list->header()->setStretchLastSection(true);
    m_overall->setObjectName(u"overallProgress"_s);
    m_overall->setAccessibleName(tr("Overall progress"));
    m_overall->setFormat(tr("%v of %m done"));
    m_summary->setObjectName(u"rotationSummary"_s);
    m_summary->setWordWrap(true);
    m_clipboardStatus->setObjectName(u"clipboardStatus"_s);
    m_cancel->setObjectName(u"cancelButton"_s);
    m_cancel->setToolTip(tr("Withdraw the tokens that have not started; rotations under way finish safely"));
    m_retry->setObjectName(u"retryFailedButton"_s);
    m_copy->setObjectName(u"copySecretButton"_s);
    m_copy->setToolTip(tr("Copy the selected token's new secret to the clipboard, once"));
    m_close->setObjectName(u"closeButton"_s);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    buttons->addButton(m_close, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_overall);
    layout->addWidget(m_summary);
    layout->addWidget(m_clipboardStatus);
    layout->addWidget(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &RotationProgressDialog::cancelRemaining);
    connect(m_retry, &QPushButton::clicked, this, &RotationProgressDialog::retryFailed);
    connect(m_copy, &QPushButton::clicked, this, &RotationProgressDialog::copySelectedSecret);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RotationProgressDialog::updateButtons);
    connect(m_clipboard, &ClipboardGuard::cleared, this, [this](bool wasOurs) {
        m_clipboardStatus->setText(wasOurs ? tr("The clipboard was cleared.")
                                           : tr("The clipboard no longer held the secret; it was left alone."));
    });

    RotationEngine *engine = context->engine();
    connect(engine, &RotationEngine::progressed, this, &RotationProgressDialog::onProgressed);
    connect(engine, &RotationEngine::finished, this, &RotationProgressDialog::onFinished);
    connect(engine, &RotationEngine::refused, this, [this](qint64 tokenId, const QString &reason) {
        if (m_rows.contains(tokenId))
            setRowState(tokenId, RowState::Failed, {}, tr("Not rotated: %1").arg(reason));
    });
    connect(engine, &RotationEngine::cancelled, this, [this](qint64 tokenId) {
        if (m_rows.contains(tokenId))
            setRowState(tokenId, RowState::Cancelled, {}, tr("Cancelled before it started; nothing changed"));
    });
    start(tokenIds);
}

RotationProgressDialog::~RotationProgressDialog() = default;

void RotationProgressDialog::start(const QList<qint64> &tokenIds)
{
    WorkspaceStore *store = m_context->store();
    QHash<qint64, QString> accountNames;
    m_list->setUpdatesEnabled(false);
    for (qint64 id : tokenIds) {
        if (m_rows.contains(id))
            continue;
        const std::optional<Token> token = store->token(id);
        if (!token)
            continue;
        if (!accountNames.contains(token->accountId)) {
            const std::optional<Account> account = store->account(token->accountId);
            accountNames.insert(token->accountId, account ? account->displayName : QString());
        }
        auto *item = new QTreeWidgetItem(m_list,
            {token->name, accountNames.value(token->accountId), stepsText(Rotation::Step::Reserve), tr("Queued")});
        item->setData(TokenColumn, TokenIdRole, id);
        m_rows.insert(id, Row {item, RowState::Queued, 0, false});
    }
    m_list->setUpdatesEnabled(true);
    m_total = int(m_rows.size());
    m_overall->setRange(0, m_total);
    m_overall->setValue(0);
    m_context->engine()->rotateAll(m_rows.keys());
    updateButtons();
}

void RotationProgressDialog::onProgressed(const Rotation &rotation)
{
    const auto it = m_rows.find(rotation.tokenId);
    if (it == m_rows.end() || (it->state != RowState::Queued && it->state != RowState::Running))
        return;
    it->state = RowState::Running;
    it->item->setText(StepsColumn, stepsText(rotation.step));
    it->item->setText(ResultColumn, tr("Running: %1").arg(Rotation::stepLabel(rotation.step)));
}

void RotationProgressDialog::onFinished(const Rotation &rotation)
{
    const auto it = m_rows.find(rotation.tokenId);
    if (it == m_rows.end() || (it->state != RowState::Queued && it->state != RowState::Running))
        return;
    switch (rotation.status) {
    case Rotation::Status::Done:
    case Rotation::Status::Waiting: {
        it->newVersion = rotation.newVersion;
        QString result = tr("Rotated: version %1 is current").arg(rotation.newVersion);
        if (rotation.dueAt.isValid())
            result += tr("; the old one is revoked %1")
                          .arg(QLocale().toString(rotation.dueAt.toLocalTime(), QLocale::ShortFormat));
        setRowState(rotation.tokenId, RowState::Rotated, stepsText(Rotation::Step::Done), result);
        break;
    }
    case Rotation::Status::Compensated:
        // A retried rotation that recovery had to undo starts afresh: that is what Retry means.
        // The engine lets go of the token only after this signal, hence the next turn.
        if (m_resumed.remove(rotation.tokenId)) {
            QTimer::singleShot(0, this, [this, tokenId = rotation.tokenId] {
                QString error;
                if (!m_context->engine()->rotate(tokenId, &error))
                    setRowState(tokenId, RowState::Failed, {}, tr("Not rotated: %1").arg(error));
            });
            return;
        }
        setRowState(rotation.tokenId, RowState::Failed, {},
            tr("Failed, undone: the old version is still current. %1").arg(rotation.error));
        break;
    default:
        setRowState(rotation.tokenId, RowState::Failed, {}, tr("Failed: %1").arg(rotation.error));
        break;
    }
}

void RotationProgressDialog::setRowState(qint64 tokenId, RowState state, const QString &step, const QString &result)
{
    Row &row = m_rows[tokenId];
    const bool wasOpen = row.state == RowState::Queued || row.state == RowState::Running;
    row.state = state;
    if (!step.isEmpty())
        row.item->setText(StepsColumn, step);
    row.item->setText(ResultColumn, result);
    row.item->setToolTip(ResultColumn, result);
    const bool failed = state == RowState::Failed;
    row.item->setIcon(ResultColumn,
        failed ? Icons::action(u"emergency-revoke"_s)
               : (state == RowState::Rotated ? Icons::action(u"rotate"_s) : QIcon()));
    if (wasOpen && state != RowState::Queued && state != RowState::Running) {
        ++m_finished;
        m_overall->setValue(m_finished);
    }
    updateButtons();
    if (wasOpen && m_finished == m_total) {
        int rotated = 0;
        int cancelled = 0;
        for (const Row &r : std::as_const(m_rows)) {
            rotated += r.state == RowState::Rotated;
            cancelled += r.state == RowState::Cancelled;
        }
        const int failedCount = this->failedCount();
        m_summary->setText(tr("%1 rotated, %2 failed, %3 cancelled.").arg(rotated).arg(failedCount).arg(cancelled));
        Q_EMIT allFinished(rotated, failedCount, cancelled);
    }
}

int RotationProgressDialog::failedCount() const
{
    int failed = 0;
    for (const Row &row : m_rows)
        failed += row.state == RowState::Failed;
    return failed;
}

void RotationProgressDialog::cancelRemaining()
{
    QList<qint64> open;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        if (it->state == RowState::Queued)
            open << it.key();
    }
    const int withdrawn = m_context->engine()->cancel(open);
    m_summary->setText(tr("%n token(s) withdrawn; rotations under way finish safely.", nullptr, withdrawn));
}

void RotationProgressDialog::retryFailed()
{
    QList<qint64> again;
    bool unfinished = false;
    const RotationStore journal(m_context->store());
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        if (it->state != RowState::Failed && it->state != RowState::Cancelled)
            continue;
        // A rotation whose outcome could not be learned stays open in the journal: it is resumed
        // where it stopped, never started a second time.
        if (journal.activeFor(it.key())) {
            unfinished = true;
            m_resumed.insert(it.key());
        } else
            again << it.key();
        it->state = RowState::Queued;
        it->item->setText(StepsColumn, stepsText(Rotation::Step::Reserve));
        it->item->setText(ResultColumn, tr("Queued again"));
        it->item->setIcon(ResultColumn, QIcon());
        --m_finished;
    }
    m_overall->setValue(m_finished);
    m_summary->clear();
    if (unfinished)
        m_context->engine()->resume();
    m_context->engine()->rotateAll(again);
    updateButtons();
}

void RotationProgressDialog::copySelectedSecret()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item || m_reading)
        return;
    const qint64 tokenId = item->data(TokenColumn, TokenIdRole).toLongLong();
    Row &row = m_rows[tokenId];
    if (row.state != RowState::Rotated || row.copied)
        return;
    SecretRef ref;
    for (const TokenVersion &version : m_context->store()->versions(tokenId)) {
        if (version.number == row.newVersion)
            ref = version.secret;
    }
    if (ref.backend != SecretRef::Backend::Keychain || ref.location.isEmpty()) {
        m_clipboardStatus->setText(tr("This secret is kept in Vault; read it there."));
        return;
    }
    m_reading = true;
    updateButtons();
    SecretJob *read = m_context->secrets()->read(ref.location);
    connect(read, &SecretJob::finished, this, [this, tokenId](SecretJob *job) {
        m_reading = false;
        if (job->error() != SecretJob::Error::NoError) {
            m_clipboardStatus->setText(tr("Could not read the new secret: %1").arg(job->errorString()));
        } else {
            m_rows[tokenId].copied = true;
            m_clipboard->copy(job->value(), std::chrono::seconds(m_clipboardSeconds));
            m_clipboardStatus->setText(
                tr("New secret copied. The clipboard is cleared in %n second(s).", nullptr, m_clipboardSeconds));
        }
        updateButtons();
    });
}

void RotationProgressDialog::updateButtons()
{
    bool queued = false;
    bool failed = false;
    for (const Row &row : std::as_const(m_rows)) {
        queued = queued || row.state == RowState::Queued;
        failed = failed || row.state == RowState::Failed || row.state == RowState::Cancelled;
    }
    const bool running = m_finished < m_total;
    m_cancel->setEnabled(queued);
    m_retry->setEnabled(failed && !running);
    const QTreeWidgetItem *item = m_list->currentItem();
    const Row *row = item ? &m_rows[item->data(TokenColumn, TokenIdRole).toLongLong()] : nullptr;
    m_copy->setEnabled(row && row->state == RowState::Rotated && !row->copied && !m_reading);
    m_copy->setText(row && row->copied ? tr("Copied") : tr("&Copy New Secret"));
}
