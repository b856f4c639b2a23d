// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <optional>

class Clock;
class WorkspaceStore;
struct Account;
struct AuditEvent;
struct Token;
struct TokenVersion;

// What will happen to the workspace's tokens in the coming weeks, as one list sorted by time,
// so an administrator sees ahead which consumers must pick up a new secret and when old ones stop
// working. Only events inside [now, now + days] are kept, however large the workspace:
//   Rotation  the token's next due rotation (RotationDue::nextDue, as in the token table);
//   GraceEnd  an old version's grace period ends and it is revoked (version in grace, revokeAt);
//   Revoke    an old version's revocation scheduled apart from a grace end (a waiting rotation
//             whose revocation is retried, or whose version row says nothing);
//   Delete    an old version is deleted at the provider (version deleteAt, waiting rotation);
//   Expiry    the provider expires the token (expiresAt).
// Token changes are applied from the store's signals without reading the workspace again; version
// and rotation changes re-read only old versions inside the window. Both are coalesced with a
// zero-timer. The window moves with the clock: reload() re-reads everything (an internal timer
// does so every hour; tests call it after moving a MockClock).
class TimelineModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum class Kind {
        Rotation,
        GraceEnd,
        Revoke,
        Delete,
        Expiry,
    };
    Q_ENUM(Kind)
    static constexpr int KindCount = 5;

    enum Role {
        TimeRole = Qt::UserRole, // QDateTime, UTC
        KindRole, // Kind
        TokenIdRole, // qint64
        TokenNameRole, // QString
        AccountNameRole, // QString
        VersionRole, // int: the old version concerned, 0 for Rotation and Expiry
    };
    Q_ENUM(Role)

    struct Event
    {
        QDateTime at; // UTC
        Kind kind = Kind::Rotation;
        qint64 tokenId = 0;
        int version = 0;
    };

    static constexpr int DefaultDays = 90;

    // `store` must outlive the model or be destroyed with it; `clock` must outlive the model.
    TimelineModel(WorkspaceStore *store, const Clock &clock, QObject *parent = nullptr);
    ~TimelineModel() override;

    // Reads the window's events from the store at the clock's "now": a full reset.
    void reload();
    // The same from tokens already read (the main window reads them once for all its models).
    void reload(const QList<Token> &tokens);
    int days() const { return m_days; }
    void setDays(int days); // reloads
    QDateTime windowStart() const { return m_start; } // "now" at the last reload
    QDateTime windowEnd() const { return m_start.addDays(m_days); }

    std::optional<Event> eventAt(int row) const;
    QString tokenName(qint64 tokenId) const;
    QString accountName(qint64 tokenId) const;
    static QString kindLabel(Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct TokenInfo
    {
        QString name;
        qint64 accountId = 0;
    };

    bool inWindow(const QDateTime &when) const;
    QList<Event> tokenEvents(const Token &token) const;
    void setToken(const Token &token);
    void readVersionEvents();
    void scheduleRebuild();
    void rebuild();

    void onTokensAdded(const QList<Token> &tokens);
    void onTokenChanged(const Token &token);
    void onTokenRemoved(qint64 tokenId);
    void onAccountChanged(const Account &account);
    void onAuditAppended(const AuditEvent &event);
    void onVersionChanged();

    QPointer<WorkspaceStore> m_store;
    const Clock &m_clock;
    int m_days = DefaultDays;
    QDateTime m_start;
    QList<Event> m_rows; // sorted by time, kind, token
    QHash<qint64, QList<Event>> m_tokenEvents; // token -> its Rotation and Expiry inside the window
    QList<Event> m_versionEvents; // GraceEnd, Revoke, Delete inside the window
    QHash<qint64, TokenInfo> m_tokens; // names of the tokens that have events
    QHash<qint64, QString> m_accounts; // account id -> display name
    QTimer m_rebuildTimer; // zero-timer: one rebuild per burst of store signals
    QTimer m_windowTimer; // moves the window along with the clock
    bool m_versionsDirty = false;
};
