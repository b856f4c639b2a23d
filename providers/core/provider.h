// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/rotationpolicy.h"
#include "domain/secretbytes.h"
#include "providercapabilities.h"
#include "provideroperation.h"
#include "rotaterequest.h"

#include <QObject>

#include <functional>

class Clock;
class HttpClient;
struct ApiCall;
struct ApiResult;
struct HttpAnswer;

// The interface every provider implements: single exchanges with the service, each one
// asynchronous and answered by a ProviderOperation. The order of rotation steps belongs to the
// engine; a provider states its capabilities, and an operation it cannot do finishes with a
// Refused error that says why instead of pretending.
class Provider : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Provider)

public:
    // `credential` is the account's admin credential, read from the keychain by the caller.
    Provider(Account account, SecretBytes credential, HttpClient *http, const Clock &clock, QObject *parent = nullptr);
    ~Provider() override;

    const Account &account() const { return m_account; }
    virtual ProviderKind kind() const = 0;
    virtual ProviderCapabilities capabilities() const = 0;

    // An authenticated call with the admin credential; ok() means the account works.
    virtual ProviderOperation *testConnection() = 0;
    // Every token of the account, all pages (progress() reports pages).
    virtual ProviderOperation *listTokens() = 0;
    // One token with its version history where the provider keeps one.
    virtual ProviderOperation *getToken(const QString &providerId);
    virtual ProviderOperation *rotate(const RotateRequest &request);
    // Proves that a new secret works: an authenticated call made with it.
    virtual ProviderOperation *verifySecret(const QString &providerId, const SecretBytes &secret);
    // Disables one token (Dynatrace: version is ignored) or one version of an item (Pangea).
    virtual ProviderOperation *revoke(const QString &providerId, int version);
    virtual ProviderOperation *deleteToken(const QString &providerId);
    virtual ProviderOperation *setPolicy(const QString &providerId, const RotationPolicy &policy);
    // Metadata of the token a secret belongs to (Dynatrace lookup).
    virtual ProviderOperation *lookupSecret(const SecretBytes &secret);

protected:
    HttpClient *http() const { return m_http; }
    const Clock &clock() const { return m_clock; }
    const SecretBytes &credential() const { return m_credential; }
    // Base URL joined with `path` (which starts with '/'), keeping any path prefix of the base.
    QUrl endpoint(const QString &path) const;
    ProviderOperation *unsupported(const QString &why);
    // Sends one exchange for `operation`: transport failures (network, timeout, TLS, refused)
    // finish the operation with that error; any HTTP answer, success or error status, goes to
    // `onAnswer`, whose provider parser knows the error body. The account's CA file is applied.
    void exchange(ProviderOperation *operation, ApiCall call, std::function<void(const HttpAnswer &)> onAnswer);

private:
    Account m_account;
    SecretBytes m_credential;
    HttpClient *m_http;
    const Clock &m_clock;
};
