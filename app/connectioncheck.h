// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/account.h"
#include "domain/secretbytes.h"

#include <QCoreApplication>
#include <QObject>

#include <functional>

class ProviderFactory;

// "Test connection" for an account that is not saved yet: one authenticated call with the
// credential as typed, answered with a specific sentence (who the credential is and what it
// may do, or the provider's own error code and message). Asynchronous; the callback runs
// once, and not at all if `context` is destroyed first.
class ConnectionCheck final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionCheck)

public:
    using Done = std::function<void(bool ok, const QString &message)>;

    static void run(
        const ProviderFactory &providers, const Account &account, SecretBytes credential, QObject *context, Done done);
};
