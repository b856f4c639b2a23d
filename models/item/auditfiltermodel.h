// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../domain/auditevent.h"

#include <QDateTime>
#include <QList>
#include <QSortFilterProxyModel>

#include <optional>

// The audit log window's filters over an AuditLogModel, so an administrator can narrow 20k lines
// to one incident: a UTC time range (either end open), an account, a token (by name or id), an
// action and an outcome, all combined with AND. Sorting uses the source's RawValueRole, with the
// event id breaking ties so equal times keep the order they were written in. Rows appended to
// the source are filtered as they arrive. events() hands the export exactly what passes.
class AuditFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditFilterModel)

public:
    explicit AuditFilterModel(QObject *parent = nullptr);
    ~AuditFilterModel() override;

    // Inclusive bounds, compared in UTC; an invalid QDateTime leaves that end open. Events with
    // an unknown time pass only while both ends are open.
    void setTimeRange(const QDateTime &from, const QDateTime &to);
    QDateTime from() const { return m_from; }
    QDateTime to() const { return m_to; }
    // std::nullopt shows every account; 0 only the workspace-wide events (no account).
    void setAccountFilter(std::optional<qint64> accountId);
    std::optional<qint64> accountFilter() const { return m_accountId; }
    // Case-insensitive substring of the token name; a whole number ("42" or "#42") also matches
    // the token with that id. Leading and trailing spaces are ignored, empty shows everything.
    void setTokenText(const QString &text);
    QString tokenText() const { return m_tokenText; }
    // Only the events of one token (by id), on top of the token text; std::nullopt for any.
    void setTokenIdFilter(std::optional<qint64> tokenId);
    std::optional<qint64> tokenIdFilter() const { return m_tokenId; }
    // Exact action id ("rotate.create"); empty shows every action.
    void setActionFilter(const QString &action);
    QString actionFilter() const { return m_action; }
    void setOutcomeFilter(std::optional<AuditEvent::Outcome> outcome);
    std::optional<AuditEvent::Outcome> outcomeFilter() const { return m_outcome; }
    bool isFiltering() const;

    // The events that pass the filters, oldest first (the log's own order, whatever the sort),
    // read from the source AuditLogModel; empty for any other source model.
    QList<AuditEvent> events() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QDateTime m_from;
    QDateTime m_to;
    std::optional<qint64> m_accountId;
    QString m_tokenText;
    QString m_tokenNeedle; // trimmed and case-folded, like the source's raw token name
    std::optional<qint64> m_tokenNumber; // the needle read as a token id, if it is one
    std::optional<qint64> m_tokenId;
    QString m_action;
    std::optional<AuditEvent::Outcome> m_outcome;
};
