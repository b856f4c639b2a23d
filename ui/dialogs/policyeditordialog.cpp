// SPDX-License-Identifier: GPL-3.0-or-later
#include "policyeditordialog.h"

#include "appcontext.h"
#include "domain/clock.h"
#include "domain/rotationdue.h"
#include "policypreview.h"
#include "retirementschedule.h"
#include "store/workspacestore.h"
#include "views/policypreviewtable.h"
#include "widgets/durationfield.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

using Unit = PolicyDuration::Unit;

// At most this many token names before a warning says "and N more".
constexpr int NamesPerWarning = 3;

} // namespace

PolicyEditorDialog::PolicyEditorDialog(AppContext *context, const QList<qint64> &tokenIds, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_automaticCheck(new QCheckBox(tr("Rotate &automatically when due"), this))
    , m_targetsLabel(new QLabel(this))
    , m_warningsLabel(new QLabel(this))
    , m_previewCaption(new QLabel(this))
    , m_preview(new PolicyPreviewTable(this))
    , m_statusLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_applier(new PolicyApplier(context, this))
{
    setObjectName(u"policyEditorDialog"_s);
    loadTokens(tokenIds);
    const int count = static_cast<int>(m_tokens.size());
    setWindowTitle(count == 1 ? tr("Edit Policy of %1").arg(m_tokens.constFirst().name)
                              : tr("Edit Policy of %n Token(s)", nullptr, count));

    m_targetsLabel->setObjectName(u"policyTargets"_s);
    m_targetsLabel->setWordWrap(true);
    if (count == 1)
        m_targetsLabel->setText(
            tr("%1 at %2")
                .arg(m_tokens.constFirst().name, m_accounts.value(m_tokens.constFirst().accountId).displayName));
    else if (count > 1)
        m_targetsLabel->setText(tr("%n tokens. A field showing “(various)” differs among them and stays as each "
                                   "token has it unless you type a value.",
            nullptr, count));
    else
        m_targetsLabel->setText(tr("None of the selected tokens is in the workspace any more."));

    // The placeholders say what an empty field means: the engine's default, or what the provider
    // imposes when every selected token has the same provider rule.
    const auto allTokens = [this](const auto &rule) {
        return !m_tokens.isEmpty() && std::all_of(m_tokens.cbegin(), m_tokens.cend(), [&](const Token &token) {
            return rule(m_capabilities.value(token.accountId));
        });
    };
    QString gracePlaceholder
        = tr("default: %1")
              .arg(PolicyDuration(RetirementSchedule::DefaultGraceMinutes / 60, Unit::Hours).toDisplayString());
    const std::optional<std::chrono::seconds> fixedGrace
        = m_tokens.isEmpty() ? std::nullopt : m_capabilities.value(m_tokens.constFirst().accountId).fixedGracePeriod;
    if (fixedGrace
        && allTokens([&](const ProviderCapabilities &caps) { return caps.fixedGracePeriod == fixedGrace; })) {
        const qint64 seconds = fixedGrace->count();
        gracePlaceholder = seconds == 0 ? tr("none: the old version stops at the rotation")
                                        : tr("fixed by the provider: %1")
                                              .arg((seconds % 60 == 0 ? PolicyDuration(seconds / 60, Unit::Minutes)
                                                                      : PolicyDuration(seconds, Unit::Seconds))
                                                       .toDisplayString());
    }
    const bool neverDeletes = allTokens([](const ProviderCapabilities &caps) { return !caps.deleteToken; });
    auto *form = new QFormLayout;
    addField(form, 0, tr("&Interval:"), u"interval"_s, &RotationPolicy::interval, tr("Rotation interval"),
        tr("e.g. 30 days, 6 months or P30D"));
    addField(form, 1, tr("&Grace period:"), u"grace"_s, &RotationPolicy::gracePeriod,
        tr("Grace period of the old version"), gracePlaceholder);
    addField(form, 2, tr("&Revoke after:"), u"revokeAfter"_s, &RotationPolicy::revokeAfter,
        tr("Revoke the old version after"), tr("at the end of the grace period"));
    addField(form, 3, tr("&Delete after:"), u"deleteAfter"_s, &RotationPolicy::deleteAfter,
        tr("Delete the old version after its revocation"),
        neverDeletes
            ? tr("never: TokenDesk does not delete these tokens")
            : tr("default: %1")
                  .arg(PolicyDuration(RetirementSchedule::DefaultDeleteAfterDays, Unit::Days).toDisplayString()));
    addField(form, 4, tr("&Notify before:"), u"notifyBefore"_s, &RotationPolicy::notifyBefore,
        tr("Notify before a rotation is due"),
        tr("default: %1").arg(PolicyDuration(RotationDue::DefaultNotifyBeforeDays, Unit::Days).toDisplayString()));
    m_fields[0].widget->setRequired(true);
    m_automaticCheck->setObjectName(u"automaticCheck"_s);
    m_automaticCheck->setAccessibleName(tr("Rotate automatically when due"));
    m_automaticCheck->setToolTip(tr("Off: TokenDesk only reminds you; nothing rotates unless you start it."));
    form->addRow(QString(), m_automaticCheck);

    m_warningsLabel->setObjectName(u"policyWarnings"_s);
    m_warningsLabel->setAccessibleName(tr("What the provider cannot honour"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::PlainText);
    m_warningsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_previewCaption->setObjectName(u"policyPreviewCaption"_s);
    m_previewCaption->setWordWrap(true);
    m_statusLabel->setObjectName(u"policyStatus"_s);
    m_statusLabel->setAccessibleName(tr("Apply progress and result"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::RichText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    QPushButton *apply = m_buttons->button(QDialogButtonBox::Ok);
    apply->setObjectName(u"applyButton"_s);
    apply->setText(tr("&Apply"));
    apply->setToolTip(tr("Save the policy for the selected tokens (and push it to providers that keep their own)"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancelButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PolicyEditorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PolicyEditorDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_targetsLabel);
    layout->addLayout(form);
    layout->addWidget(m_warningsLabel);
    layout->addWidget(m_previewCaption);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_buttons);

    prefill();
    for (const Field &field : m_fields)
        connect(field.widget, &DurationField::changed, this, &PolicyEditorDialog::refresh);
    connect(m_automaticCheck, &QCheckBox::stateChanged, this, [this](int state) {
        // "(various)" is a starting point, not a choice: once clicked, the box is on or off.
        if (state != Qt::PartiallyChecked)
            m_automaticCheck->setTristate(false);
        refresh();
    });
    connect(m_applier, &PolicyApplier::pushing, this, [this](int number, int total, const QString &account) {
        m_statusLabel->setText(tr("Pushing to %1: %2 of %3…").arg(account.toHtmlEscaped()).arg(number).arg(total));
    });
    connect(m_applier, &PolicyApplier::finished, this, &PolicyEditorDialog::showOutcome);
    setBusy(false);
    resize(680, 660);
}

PolicyEditorDialog::~PolicyEditorDialog() = default;

void PolicyEditorDialog::loadTokens(const QList<qint64> &tokenIds)
{
    m_tokens.clear();
    WorkspaceStore *store = m_context->store();
    for (qint64 id : tokenIds) {
        const std::optional<Token> token = store->token(id);
        if (!token)
            continue;
        m_tokens << *token;
        if (m_accounts.contains(token->accountId))
            continue;
        if (const std::optional<Account> account = store->account(token->accountId)) {
            m_accounts.insert(account->id, *account);
            m_capabilities.insert(account->id, m_context->providers().capabilities(*account));
        }
    }
}

void PolicyEditorDialog::addField(QFormLayout *form, int index, const QString &label, const QString &name,
    PolicyDuration RotationPolicy::*member, const QString &accessibleName, const QString &placeholder)
{
    Field &field = m_fields.at(static_cast<std::size_t>(index));
    field.member = member;
    field.widget = new DurationField(name, accessibleName, this);
    field.widget->setPlaceholderText(placeholder);
    form->addRow(label, field.widget);
}

void PolicyEditorDialog::prefill()
{
    if (m_tokens.isEmpty())
        return;
    const RotationPolicy &first = m_tokens.constFirst().policy;
    for (const Field &field : m_fields) {
        const bool various = std::any_of(m_tokens.cbegin(), m_tokens.cend(),
            [&](const Token &token) { return !(token.policy.*field.member == first.*field.member); });
        if (various)
            field.widget->setVarious(true);
        else
            field.widget->setDuration(first.*field.member);
    }
    const bool automaticVaries = std::any_of(m_tokens.cbegin(), m_tokens.cend(),
        [&](const Token &token) { return token.policy.automatic != first.automatic; });
    m_automaticCheck->setTristate(automaticVaries);
    m_automaticCheck->setCheckState(
        automaticVaries ? Qt::PartiallyChecked : (first.automatic ? Qt::Checked : Qt::Unchecked));
}

bool PolicyEditorDialog::allValid() const
{
    return std::all_of(m_fields.cbegin(), m_fields.cend(), [](const Field &field) { return field.widget->isValid(); });
}

RotationPolicy PolicyEditorDialog::policyFor(const Token &token) const
{
    RotationPolicy policy = token.policy;
    for (const Field &field : m_fields) {
        if (field.widget->isSet())
            policy.*field.member = field.widget->duration();
    }
    if (m_automaticCheck->checkState() != Qt::PartiallyChecked)
        policy.automatic = m_automaticCheck->isChecked();
    return policy;
}

PolicyPreview PolicyEditorDialog::previewFor(const Token &token) const
{
    const Account account = m_accounts.value(token.accountId);
    return PolicyPreview(account.kind, m_capabilities.value(token.accountId));
}

QString PolicyEditorDialog::providerName(const Token &token) const
{
    return ProviderKindInfo::displayName(m_accounts.value(token.accountId).kind);
}

void PolicyEditorDialog::refresh()
{
    const bool valid = allValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid && !m_busy && !m_tokens.isEmpty());
    if (!valid || m_tokens.isEmpty()) {
        m_preview->showNothing();
        m_previewCaption->setText(
            m_tokens.isEmpty() ? QString() : tr("Correct the fields marked in red to see the next rotations."));
        m_warningsLabel->clear();
        m_warningsLabel->setVisible(false);
        return;
    }
    const Token &first = m_tokens.constFirst();
    const RotationPolicy policy = policyFor(first);
    const PolicyPreview::Result result
        = previewFor(first).compute(policy, first, m_context->clock().nowUtc(), PolicyPreview::DefaultCount);
    m_preview->showResult(result, providerName(first));
    const int count = static_cast<int>(m_tokens.size());
    QString caption = count == 1
        ? tr("Next rotations of %1:").arg(first.name)
        : tr("Next rotations of %1, the first of %n selected tokens:", nullptr, count).arg(first.name);
    if (result.rotations.isEmpty())
        caption = tr("No rotation of %1 can be scheduled.").arg(first.name);
    else if (result.manualOnly)
        caption += u' '
            + tr("Manual only: automatic rotation is off, so nothing rotates unless someone starts it. These are "
                 "the due dates.");
    m_previewCaption->setText(caption);
    updateWarnings(result.warnings);
}

void PolicyEditorDialog::updateWarnings(const QStringList &firstTokenWarnings)
{
    QStringList order;
    QHash<QString, QStringList> names;
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        const Token &token = m_tokens.at(i);
        const QStringList found = i == 0 ? firstTokenWarnings : previewFor(token).warnings(policyFor(token), token);
        for (const QString &warning : found) {
            if (!names.contains(warning))
                order << warning;
            names[warning] << token.name;
        }
    }
    QStringList lines;
    for (const QString &warning : std::as_const(order)) {
        if (m_tokens.size() == 1) {
            lines << tr("⚠ %1").arg(warning);
            continue;
        }
        const QStringList &who = names.value(warning);
        QString list = who.mid(0, NamesPerWarning).join(u", "_s);
        if (who.size() > NamesPerWarning) {
            const int more = static_cast<int>(who.size()) - NamesPerWarning;
            list = tr("%1 and %n more", nullptr, more).arg(list);
        }
        lines << tr("⚠ %1: %2").arg(list, warning);
    }
    m_warningsLabel->setText(lines.join(u'\n'));
    m_warningsLabel->setVisible(!lines.isEmpty());
}

void PolicyEditorDialog::setBusy(bool busy)
{
    m_busy = busy;
    const bool editable = !busy && !m_tokens.isEmpty();
    for (const Field &field : m_fields)
        field.widget->setEnabled(editable);
    m_automaticCheck->setEnabled(editable);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    refresh();
}

void PolicyEditorDialog::accept()
{
    if (m_busy || m_tokens.isEmpty() || !allValid())
        return;
    QList<qint64> ids;
    for (const Token &token : std::as_const(m_tokens))
        ids << token.id;
    loadTokens(ids); // the workspace may have changed since the dialog opened
    QList<PolicyApplier::Change> changes;
    for (const Token &token : std::as_const(m_tokens)) {
        const RotationPolicy policy = policyFor(token);
        if (!(policy == token.policy))
            changes << PolicyApplier::Change {token.id, policy};
    }
    if (changes.isEmpty()) {
        QDialog::accept();
        return;
    }
    m_statusLabel->setText(tr("Saving…"));
    setBusy(true);
    m_applier->start(changes);
}

void PolicyEditorDialog::reject()
{
    // A push on its way would be left without anyone to save or report its answer.
    if (m_busy)
        return;
    QDialog::reject();
}

void PolicyEditorDialog::showOutcome(const QList<qint64> &applied, const QList<PolicyApplier::Failure> &failures)
{
    QList<qint64> ids;
    for (const Token &token : std::as_const(m_tokens))
        ids << token.id;
    loadTokens(ids);
    setBusy(false);
    if (!applied.isEmpty())
        Q_EMIT policyApplied(applied);
    if (failures.isEmpty()) {
        m_statusLabel->clear();
        QDialog::accept();
        return;
    }
    const int saved = static_cast<int>(applied.size());
    const int failed = static_cast<int>(failures.size());
    QString html;
    if (saved > 0)
        html += u"<p>"_s + tr("✔ The policy was saved for %n token(s).", nullptr, saved) + u"</p>"_s;
    html += u"<p>"_s + tr("✘ %n token(s) kept their previous policy:", nullptr, failed) + u"</p><ul>"_s;
    for (const PolicyApplier::Failure &failure : failures)
        html += u"<li><b>"_s + failure.tokenName.toHtmlEscaped() + u"</b>: "_s + failure.message.toHtmlEscaped()
            + u"</li>"_s;
    html += u"</ul><p>"_s + tr("Apply again to retry them.") + u"</p>"_s;
    m_statusLabel->setText(html);
}
