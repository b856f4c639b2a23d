// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlsconfig.h"

#include <QFile>
#include <QSslCertificate>

namespace {

// A CA bundle is a few hundred kilobytes at most; anything far larger is the wrong file.
constexpr qint64 MaximumCaFileSize = 4 * 1024 * 1024;

} // namespace

TlsConfig::Result TlsConfig::build(const QString &caCertificatePath)
{
    Result result;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);

    if (caCertificatePath.isEmpty()) {
        // Left untouched, the CA list keeps Qt's on-demand loading of the system store.
        result.configuration = configuration;
        return result;
    }

    QFile file(caCertificatePath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("Cannot read the CA certificate file %1: %2").arg(caCertificatePath, file.errorString());
        return result;
    }
    if (file.size() > MaximumCaFileSize) {
        result.error = tr("The CA certificate file %1 is too large to be a certificate").arg(caCertificatePath);
        return result;
    }
    const QByteArray data = file.readAll();
    QList<QSslCertificate> certificates = QSslCertificate::fromData(data, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(data, QSsl::Der);
    certificates.removeIf([](const QSslCertificate &certificate) { return certificate.isNull(); });
    if (certificates.isEmpty()) {
        result.error = tr("The CA certificate file %1 holds no PEM or DER certificate").arg(caCertificatePath);
        return result;
    }

    // Setting any CA list turns off Qt's on-demand loading of the system store, so the system
    // CAs are listed explicitly: the custom CA is added to them, not put in their place.
    QList<QSslCertificate> trusted = QSslConfiguration::systemCaCertificates();
    trusted += configuration.caCertificates();
    for (const QSslCertificate &certificate : std::as_const(certificates)) {
        if (!trusted.contains(certificate))
            trusted.append(certificate);
    }
    configuration.setCaCertificates(trusted);
    result.configuration = configuration;
    return result;
}
