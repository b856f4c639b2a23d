// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <functional>

class AppContext;
struct Account;
struct Token;

// One click in an emergency: revokes the current and grace versions of the chosen tokens (one
// token, an account's, or the whole workspace's) at once, without waiting for any grace period,
// and goes on past individual failures. Each token ends with a report line: what was revoked,
// what failed and why (the provider's own message), and what stays valid and until when (a
// Glean secret cannot be revoked over the API; Piiano rotation is the only way to retire ids).
// plan() says all of that before anything changes. Failed tokens can be retried alone.
class EmergencyRevocation final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmergencyRevocation)

public:
    struct Item
    {
        enum class Outcome {
            Planned,
            Revoked,
            Failed,
            NotPossible, // the provider has no way to revoke it: it stays valid
        };

        qint64 tokenId = 0;
        QString tokenName;
        QString accountName;
        Outcome outcome = Outcome::Planned;
        QStringList versions; // "v3 (dt0c01.ABC…)", what is (or was) revoked
        QString message; // why it failed, or why it cannot be revoked
        QDateTime stillValidUntil; // for NotPossible: when it stops on its own; invalid = unknown
    };

    explicit EmergencyRevocation(AppContext *context, QObject *parent = nullptr);

    static QList<Item> plan(AppContext *context, const QList<qint64> &tokenIds);
    void start(const QList<qint64> &tokenIds);
    void retryFailed();
    const QList<Item> &items() const { return m_items; }
    bool isRunning() const { return m_running > 0; }

Q_SIGNALS:
    void itemFinished(const EmergencyRevocation::Item &item);
    void progress(int done, int total);
    void finished(const QList<EmergencyRevocation::Item> &items);

private:
    using CredentialDone = std::function<void(const SecretBytes &credential, const QString &error)>;

    void revoke(int index);
    // One keychain read per account and run, however many of its tokens are revoked: a thousand
    // reads of the same credential at once queued at the keyring daemon, and the last ones ran
    // past their watchdog, failing tokens in exactly the emergency this is for.
    void withCredential(const Account &account, CredentialDone done);
    void forgetCredentials();
    void revokeVersions(int index, class Provider *provider, QList<std::pair<QString, int>> targets);
    void finishItem(int index, Item::Outcome outcome, const QString &message);

    AppContext *m_context;
    QList<Item> m_items;
    int m_running = 0;
    int m_done = 0;
    QHash<qint64, SecretBytes> m_credentials; // account id -> credential, wiped when a run ends
    QHash<qint64, QList<CredentialDone>> m_waitingForCredential;
};

Q_DECLARE_METATYPE(EmergencyRevocation::Item)
