// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QSslConfiguration>
#include <QString>

// Builds the TLS settings of one call: Qt's defaults with TLS 1.2 as the floor and peer
// verification on, plus an account's own CA (a company PKI in front of Vault or Piiano) when one is
// configured. The custom CA is added to the system's, never replaces them, and never switches
// verification off: an unreadable or empty CA file is an error, not a reason to trust anything.
class TlsConfig final
{
    Q_DECLARE_TR_FUNCTIONS(TlsConfig)

public:
    struct Result
    {
        QSslConfiguration configuration;
        QString error; // translated, names the file; empty on success

        bool ok() const { return error.isEmpty(); }
    };

    // `caCertificatePath` may be empty (system CAs only) or name a PEM file (one or more
    // certificates) or a DER file (one certificate).
    static Result build(const QString &caCertificatePath = {});
};
