// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"
#include "domain/tokensink.h"
#include "http/apierror.h"

#include <QJsonArray>
#include <QList>
#include <QObject>

#include <functional>

class HttpClient;
class SecretStore;
class VaultKvClient;
class WorkspaceStore;

// Writes one secret to a token's HashiCorp Vault KV sinks, one after the other: each Vault
// account's token is read from the keychain, the key's current version read, and the value
// written with check-and-set, so a concurrent writer is never overwritten unnoticed. Every
// attempted write is reported with the version it replaced, even when its answer was lost, so
// restore() can put the earlier value back (or, for a key that did not exist, destroy what was
// written). Finishes once, then deletes itself.
class SinkWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SinkWriter)

public:
    struct Write
    {
        TokenSink sink;
        int previousVersion = 0; // 0: the key had no version
        int newVersion = 0; // 0: unknown (the answer was lost)
    };
    using Done = std::function<void(const ApiError &error, const QList<Write> &attempted)>;

    SinkWriter(WorkspaceStore *store, SecretStore *secrets, HttpClient *http, QObject *parent = nullptr);

    void write(const QList<TokenSink> &sinks, SecretBytes value, Done done);
    // Undoes `attempted` writes whose new version is still the key's current one.
    void restore(const QList<Write> &attempted, Done done);

    static QJsonArray toJson(const QList<Write> &writes);
    static QList<Write> fromJson(const QJsonArray &array, const QList<TokenSink> &sinks);

private:
    using WithClient = std::function<void(VaultKvClient *client)>;
    void withClient(const TokenSink &sink, const WithClient &then);
    void writeNext();
    void restoreNext();
    void finish(const ApiError &error);

    WorkspaceStore *m_store;
    SecretStore *m_secrets;
    HttpClient *m_http;
    QList<TokenSink> m_pending;
    QList<Write> m_toRestore;
    SecretBytes m_value;
    QList<Write> m_attempted;
    Done m_done;
};
