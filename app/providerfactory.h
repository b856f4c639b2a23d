// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/providercapabilities.h"
#include "domain/account.h"
#include "domain/secretbytes.h"

class Clock;
class HttpClient;
class Provider;
class QObject;

// Makes the Provider for an account's kind, sharing the application's one HttpClient.
// Returns nullptr for kinds that are not token issuers (HashiCorp Vault KV is a secret sink).
class ProviderFactory final
{
public:
    ProviderFactory(HttpClient *http, const Clock &clock);
    Provider *create(const Account &account, SecretBytes credential, QObject *parent) const;
    // What TokenDesk can do with this account (no credential needed, nothing is sent).
    ProviderCapabilities capabilities(const Account &account) const;

private:
    HttpClient *m_http;
    const Clock &m_clock;
};
