// SPDX-License-Identifier: GPL-3.0-or-later
#include "selfsignedcert.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

bool SelfSignedCert::create(const QString &directory)
{
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty()) {
        m_error = u"openssl is not installed"_s;
        return false;
    }
    const QDir dir(directory);
    m_certificatePath = dir.filePath(u"cert.pem"_s);
    const QString keyPath = dir.filePath(u"key.pem"_s);
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl,
        {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s,
            u"-keyout"_s, keyPath, u"-out"_s, m_certificatePath, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
            u"-addext"_s, u"subjectAltName=IP:127.0.0.1,DNS:localhost"_s});
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = u"openssl failed: "_s + QString::fromLocal8Bit(process.readAll());
        return false;
    }
    QFile certificateFile(m_certificatePath);
    QFile keyFile(keyPath);
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        m_error = u"openssl wrote no certificate"_s;
        return false;
    }
    m_certificate = QSslCertificate(certificateFile.readAll(), QSsl::Pem);
    m_key = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    if (m_certificate.isNull() || m_key.isNull()) {
        m_error = u"cannot load the certificate or key made by openssl"_s;
        return false;
    }
    return true;
}
