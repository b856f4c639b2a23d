// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenfilterbar.h"

#include "domain/clock.h"
#include "domain/providerkind.h"
#include "domain/tokenstate.h"
#include "icons.h"
#include "item/tokensortfiltermodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSettings>

using namespace Qt::StringLiterals;

TokenFilterBar::TokenFilterBar(TokenSortFilterModel *proxy, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_clock(clock)
    , m_search(new QLineEdit(this))
    , m_provider(new QComboBox(this))
    , m_state(new QComboBox(this))
    , m_dueWithin(new QComboBox(this))
    , m_failedOnly(new QCheckBox(tr("Rotation &failed"), this))
{
    setObjectName(u"tokenFilterBar"_s);
    m_search->setObjectName(u"searchEdit"_s);
    m_search->setPlaceholderText(tr("Search tokens, accounts, owners, scopes…"));
    m_search->setAccessibleName(tr("Search tokens"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);

    m_provider->setObjectName(u"providerFilter"_s);
    m_provider->setAccessibleName(tr("Provider filter"));
    m_provider->addItem(tr("All providers"));
    for (ProviderKind kind : ProviderKindInfo::all())
        m_provider->addItem(Icons::provider(kind), ProviderKindInfo::displayName(kind), QVariant::fromValue(kind));

    m_state->setObjectName(u"stateFilter"_s);
    m_state->setAccessibleName(tr("State filter"));
    m_state->addItem(tr("All states"));
    for (TokenState state : TokenStateInfo::all())
        m_state->addItem(TokenStateInfo::label(state), QVariant::fromValue(state));

    m_dueWithin->setObjectName(u"dueWithinFilter"_s);
    m_dueWithin->setAccessibleName(tr("Due filter"));
    m_dueWithin->addItem(tr("Any due date"));
    m_dueWithin->addItem(tr("Overdue"), 0);
    for (int days : {1, 7, 30, 90})
        m_dueWithin->addItem(tr("Due within %n day(s)", nullptr, days), days);

    m_failedOnly->setObjectName(u"failedFilter"_s);
    m_failedOnly->setToolTip(tr("Only tokens whose last rotation failed"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search, 1);
    layout->addWidget(m_provider);
    layout->addWidget(m_state);
    layout->addWidget(m_dueWithin);
    layout->addWidget(m_failedOnly);

    connect(m_search, &QLineEdit::textChanged, this, &TokenFilterBar::apply);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &TokenFilterBar::apply);
    connect(m_state, &QComboBox::currentIndexChanged, this, &TokenFilterBar::apply);
    connect(m_dueWithin, &QComboBox::currentIndexChanged, this, &TokenFilterBar::apply);
    connect(m_failedOnly, &QCheckBox::toggled, this, &TokenFilterBar::apply);
}

void TokenFilterBar::setFailedTokens(const QSet<qint64> &tokenIds)
{
    m_failed = tokenIds;
    if (m_failedOnly->isChecked())
        apply();
}

void TokenFilterBar::apply()
{
    m_proxy->setSearchText(m_search->text());
    const QVariant provider = m_provider->currentData();
    m_proxy->setProviderFilter(provider.isValid() ? std::optional(provider.value<ProviderKind>()) : std::nullopt);
    const QVariant state = m_state->currentData();
    m_proxy->setStateFilter(state.isValid() ? std::optional(state.value<TokenState>()) : std::nullopt);
    const QVariant days = m_dueWithin->currentData();
    m_proxy->setDueBefore(days.isValid() ? m_clock.nowUtc().addDays(days.toInt()) : QDateTime());
    m_proxy->setTokenIdFilter(m_failedOnly->isChecked() ? std::optional(m_failed) : std::nullopt);
    Q_EMIT filtersChanged();
}

void TokenFilterBar::clear()
{
    const QSignalBlocker blockers[] {QSignalBlocker(m_search), QSignalBlocker(m_provider), QSignalBlocker(m_state),
        QSignalBlocker(m_dueWithin), QSignalBlocker(m_failedOnly)};
    m_search->clear();
    m_provider->setCurrentIndex(0);
    m_state->setCurrentIndex(0);
    m_dueWithin->setCurrentIndex(0);
    m_failedOnly->setChecked(false);
    apply();
}

bool TokenFilterBar::isFiltering() const
{
    return !m_search->text().trimmed().isEmpty() || m_provider->currentIndex() > 0 || m_state->currentIndex() > 0
        || m_dueWithin->currentIndex() > 0 || m_failedOnly->isChecked();
}

void TokenFilterBar::saveState() const
{
    QSettings settings;
    settings.beginGroup(u"filters"_s);
    settings.setValue(u"search"_s, m_search->text());
    settings.setValue(u"provider"_s, m_provider->currentIndex());
    settings.setValue(u"state"_s, m_state->currentIndex());
    settings.setValue(u"dueWithin"_s, m_dueWithin->currentIndex());
    settings.setValue(u"failedOnly"_s, m_failedOnly->isChecked());
}

void TokenFilterBar::restoreState()
{
    QSettings settings;
    settings.beginGroup(u"filters"_s);
    const QSignalBlocker blockers[] {QSignalBlocker(m_search), QSignalBlocker(m_provider), QSignalBlocker(m_state),
        QSignalBlocker(m_dueWithin), QSignalBlocker(m_failedOnly)};
    const auto index = [&](const QString &key, const QComboBox *box) {
        const int i = settings.value(key, 0).toInt();
        return i >= 0 && i < box->count() ? i : 0;
    };
    m_search->setText(settings.value(u"search"_s).toString());
    m_provider->setCurrentIndex(index(u"provider"_s, m_provider));
    m_state->setCurrentIndex(index(u"state"_s, m_state));
    m_dueWithin->setCurrentIndex(index(u"dueWithin"_s, m_dueWithin));
    m_failedOnly->setChecked(settings.value(u"failedOnly"_s, false).toBool());
    apply();
}
