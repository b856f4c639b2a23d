// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinemodel.h"

#include "../domain/clock.h"
#include "../domain/rotationdue.h"
#include "../store/rotationstore.h"
#include "../store/storerows.h"
#include "../store/workspacestore.h"
#include "tabletext.h"
#include "tokentablemodel.h"

#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;

namespace {

bool earlier(const TimelineModel::Event &a, const TimelineModel::Event &b)
{
    if (a.at != b.at)
        return a.at < b.at;
    if (a.kind != b.kind)
        return a.kind < b.kind;
    if (a.tokenId != b.tokenId)
        return a.tokenId < b.tokenId;
    return a.version < b.version;
}

TimelineModel::Event *find(QList<TimelineModel::Event> &events, qint64 tokenId, int version, TimelineModel::Kind kind)
{
    for (TimelineModel::Event &e : events) {
        if (e.tokenId == tokenId && e.version == version && e.kind == kind)
            return &e;
    }
    return nullptr;
}

} // namespace

TimelineModel::TimelineModel(WorkspaceStore *store, const Clock &clock, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
    , m_clock(clock)
    , m_start(clock.nowUtc())
{
    Q_ASSERT(store);
    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(0);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &TimelineModel::rebuild);
    m_windowTimer.setInterval(std::chrono::hours(1));
    connect(&m_windowTimer, &QTimer::timeout, this, [this] { reload(); });
    m_windowTimer.start();

    connect(store, &WorkspaceStore::accountAdded, this, &TimelineModel::onAccountChanged);
    connect(store, &WorkspaceStore::accountChanged, this, &TimelineModel::onAccountChanged);
    // Removing an account removes its tokens without a signal per token.
    connect(store, &WorkspaceStore::accountRemoved, this, [this] { reload(); });
    connect(store, &WorkspaceStore::tokensAdded, this, &TimelineModel::onTokensAdded);
    connect(store, &WorkspaceStore::tokenChanged, this, &TimelineModel::onTokenChanged);
    connect(store, &WorkspaceStore::tokenRemoved, this, &TimelineModel::onTokenRemoved);
    connect(store, &WorkspaceStore::versionAdded, this, &TimelineModel::onVersionChanged);
    connect(store, &WorkspaceStore::versionChanged, this, &TimelineModel::onVersionChanged);
    // A rotation's journal row changes with an audit entry, in the same transaction.
    connect(store, &WorkspaceStore::auditAppended, this, &TimelineModel::onAuditAppended);
}

TimelineModel::~TimelineModel() = default;

void TimelineModel::reload()
{
    reload(m_store ? m_store->tokens() : QList<Token>());
}

void TimelineModel::reload(const QList<Token> &tokens)
{
    m_rebuildTimer.stop();
    m_start = m_clock.nowUtc();
    m_tokenEvents.clear();
    m_tokens.clear();
    m_accounts.clear();
    if (m_store) {
        for (const Account &account : m_store->accounts())
            m_accounts.insert(account.id, account.displayName);
        for (const Token &token : tokens)
            setToken(token);
    }
    m_versionsDirty = true;
    rebuild();
}

void TimelineModel::setDays(int days)
{
    days = std::max(1, days);
    if (days == m_days)
        return;
    m_days = days;
    reload();
}

bool TimelineModel::inWindow(const QDateTime &when) const
{
    return when.isValid() && when >= m_start && when <= windowEnd();
}

QList<TimelineModel::Event> TimelineModel::tokenEvents(const Token &token) const
{
    QList<Event> events;
    if (token.state == TokenState::Revoked)
        return events; // gone at the provider: nothing will happen to it any more
    const QDateTime due = RotationDue::nextDue(token);
    if (inWindow(due))
        events.append(Event {due, Kind::Rotation, token.id, 0});
    if (token.state != TokenState::Expired && inWindow(token.expiresAt))
        events.append(Event {token.expiresAt.toUTC(), Kind::Expiry, token.id, 0});
    return events;
}

// Keeps the token's own events, and its name while any event refers to it.
void TimelineModel::setToken(const Token &token)
{
    const QList<Event> events = tokenEvents(token);
    if (events.isEmpty())
        m_tokenEvents.remove(token.id);
    else
        m_tokenEvents.insert(token.id, events);
    m_tokens.insert(token.id, TokenInfo {token.name, token.accountId});
}

// Old versions whose grace ends or which are deleted inside the window, and the waiting
// rotations that will revoke or delete them. One query over the versions (no per-token reads).
void TimelineModel::readVersionEvents()
{
    m_versionEvents.clear();
    m_versionsDirty = false;
    if (!m_store || !m_store->isOpen())
        return;
    QSqlQuery q(m_store->database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT token_id, number, state, revoke_at, delete_at FROM token_versions WHERE "
              u"(revoke_at >= :from AND revoke_at <= :to) OR (delete_at >= :from AND delete_at <= :to)"_s);
    q.bindValue(u":from"_s, StoreRows::toColumn(m_start));
    q.bindValue(u":to"_s, StoreRows::toColumn(windowEnd()));
    if (q.exec()) {
        while (q.next()) {
            const qint64 tokenId = q.value(0).toLongLong();
            const int number = q.value(1).toInt();
            const std::optional<VersionState> state = TokenStateInfo::versionStateFromId(q.value(2).toString());
            const QDateTime revokeAt = StoreRows::fromColumn(q.value(3));
            const QDateTime deleteAt = StoreRows::fromColumn(q.value(4));
            if (state == VersionState::Grace && inWindow(revokeAt))
                m_versionEvents.append(Event {revokeAt, Kind::GraceEnd, tokenId, number});
            if (state != VersionState::Destroyed && inWindow(deleteAt))
                m_versionEvents.append(Event {deleteAt, Kind::Delete, tokenId, number});
        }
    }
    // The journal says what TokenDesk will actually do, and when: it wins over the version row.
    for (const Rotation &rotation : RotationStore(m_store).unfinished()) {
        if (rotation.status != Rotation::Status::Waiting || !inWindow(rotation.dueAt))
            continue;
        const QDateTime due = rotation.dueAt.toUTC();
        if (rotation.step == Rotation::Step::RevokeOld) {
            const Event *graceEnd = find(m_versionEvents, rotation.tokenId, rotation.oldVersion, Kind::GraceEnd);
            if (!graceEnd || graceEnd->at != due)
                m_versionEvents.append(Event {due, Kind::Revoke, rotation.tokenId, rotation.oldVersion});
        } else if (rotation.step == Rotation::Step::DeleteOld) {
            if (Event *deletion = find(m_versionEvents, rotation.tokenId, rotation.oldVersion, Kind::Delete))
                deletion->at = due;
            else
                m_versionEvents.append(Event {due, Kind::Delete, rotation.tokenId, rotation.oldVersion});
        }
    }
    for (const Event &e : std::as_const(m_versionEvents)) {
        if (m_tokens.contains(e.tokenId))
            continue;
        if (const std::optional<Token> token = m_store->token(e.tokenId))
            m_tokens.insert(e.tokenId, TokenInfo {token->name, token->accountId});
    }
}

void TimelineModel::scheduleRebuild()
{
    m_rebuildTimer.start();
}

void TimelineModel::rebuild()
{
    m_rebuildTimer.stop();
    if (m_versionsDirty)
        readVersionEvents();
    QList<Event> rows = m_versionEvents;
    for (const QList<Event> &events : std::as_const(m_tokenEvents))
        rows.append(events);
    std::sort(rows.begin(), rows.end(), earlier);
    // Forget the names of tokens nothing refers to any more.
    QSet<qint64> used;
    used.reserve(rows.size());
    for (const Event &e : std::as_const(rows))
        used.insert(e.tokenId);
    m_tokens.removeIf([&used](const auto &it) { return !used.contains(it.key()); });

    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void TimelineModel::onTokensAdded(const QList<Token> &tokens)
{
    for (const Token &token : tokens)
        setToken(token);
    scheduleRebuild();
}

void TimelineModel::onTokenChanged(const Token &token)
{
    setToken(token);
    scheduleRebuild();
}

void TimelineModel::onTokenRemoved(qint64 tokenId)
{
    m_tokenEvents.remove(tokenId);
    m_versionEvents.removeIf([tokenId](const Event &e) { return e.tokenId == tokenId; });
    scheduleRebuild();
}

void TimelineModel::onAccountChanged(const Account &account)
{
    m_accounts.insert(account.id, account.displayName);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {AccountNameRole, Qt::DisplayRole, Qt::ToolTipRole});
}

void TimelineModel::onAuditAppended(const AuditEvent &event)
{
    if (event.tokenId != 0)
        onVersionChanged();
}

void TimelineModel::onVersionChanged()
{
    m_versionsDirty = true;
    scheduleRebuild();
}

std::optional<TimelineModel::Event> TimelineModel::eventAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    return m_rows.at(row);
}

QString TimelineModel::tokenName(qint64 tokenId) const
{
    return m_tokens.value(tokenId).name;
}

QString TimelineModel::accountName(qint64 tokenId) const
{
    const auto it = m_tokens.constFind(tokenId);
    return it == m_tokens.cend() ? QString() : m_accounts.value(it->accountId);
}

QString TimelineModel::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Rotation:
        return tr("Rotation due");
    case Kind::GraceEnd:
        return tr("Grace period ends");
    case Kind::Revoke:
        return tr("Old version revoked");
    case Kind::Delete:
        return tr("Old version deleted");
    case Kind::Expiry:
        return tr("Token expires");
    }
    return {};
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Event &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1: %2").arg(kindLabel(e.kind), tokenName(e.tokenId));
    case Qt::ToolTipRole: {
        const QString account = accountName(e.tokenId);
        const QString what
            = e.version > 0 ? tr("%1 (version %2)").arg(kindLabel(e.kind)).arg(e.version) : kindLabel(e.kind);
        return tr("%1\n%2\n%3")
            .arg(account.isEmpty() ? tokenName(e.tokenId) : tr("%1 (%2)").arg(tokenName(e.tokenId), account), what,
                TableText::dateToolTip(e.at));
    }
    case TimeRole:
        return e.at;
    case KindRole:
        return QVariant::fromValue(e.kind);
    case TokenIdRole:
        return e.tokenId;
    case TokenNameRole:
        return tokenName(e.tokenId);
    case AccountNameRole:
        return accountName(e.tokenId);
    case VersionRole:
        return e.version;
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimeRole, "time");
    names.insert(KindRole, "kind");
    names.insert(TokenIdRole, "tokenId");
    names.insert(TokenNameRole, "tokenName");
    names.insert(AccountNameRole, "accountName");
    names.insert(VersionRole, "version");
    return names;
}
