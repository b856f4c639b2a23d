// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QWidget>

class Clock;
class QCheckBox;
class QComboBox;
class QLineEdit;
class TokenSortFilterModel;

// The filters above the token table: free-text search, provider, state, "due within N days" and
// "rotation failed". Each change is applied to the proxy at once; the choices persist between
// sessions. The set of tokens whose last rotation failed comes from the caller, which knows
// when rotations end.
class TokenFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenFilterBar)

public:
    TokenFilterBar(TokenSortFilterModel *proxy, const Clock &clock, QWidget *parent = nullptr);

    QLineEdit *searchEdit() const { return m_search; }
    void setFailedTokens(const QSet<qint64> &tokenIds);
    // Re-applies the time-based filter as the clock moves.
    void apply();
    void clear();
    bool isFiltering() const;
    void saveState() const;
    void restoreState();

Q_SIGNALS:
    void filtersChanged();

private:
    TokenSortFilterModel *m_proxy;
    const Clock &m_clock;
    QLineEdit *m_search;
    QComboBox *m_provider;
    QComboBox *m_state;
    QComboBox *m_dueWithin;
    QCheckBox *m_failedOnly;
    QSet<qint64> m_failed;
};
