// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

// A throw-away self-signed certificate for 127.0.0.1 and localhost, made with the openssl command
// line tool when the test runs, so no private key is kept in the repository.
class SelfSignedCert final
{
public:
    // Writes cert.pem and key.pem into `directory`; false (with `error` set) when openssl is
    // missing or fails.
    bool create(const QString &directory);

    QString certificatePath() const { return m_certificatePath; }
    const QSslCertificate &certificate() const { return m_certificate; }
    const QSslKey &key() const { return m_key; }
    const QString &error() const { return m_error; }

private:
    QString m_certificatePath;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_error;
};
