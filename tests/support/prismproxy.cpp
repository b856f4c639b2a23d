// SPDX-License-Identifier: GPL-3.0-or-later
#include "prismproxy.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

using namespace Qt::StringLiterals;

PrismProxy::PrismProxy()
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

PrismProxy::~PrismProxy()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString PrismProxy::prismExecutable()
{
    const QString configured = qEnvironmentVariable("TOKENDESK_PRISM");
    return configured.isEmpty() ? u"prism"_s : configured;
}

QString PrismProxy::specsDirectory()
{
    return qEnvironmentVariable("TOKENDESK_TEST_SOURCE_DIR") + u"/data/specs"_s;
}

QString PrismProxy::deriveSpec(const QString &specPath, const QString &pathPrefix, const QStringList &keepPathPrefixes)
{
    QFile in(specPath);
    if (!in.open(QIODevice::ReadOnly)) {
        m_error = u"cannot read "_s + specPath;
        return {};
    }
    QJsonObject spec = QJsonDocument::fromJson(in.readAll()).object();
    const QJsonObject paths = spec.value(u"paths"_s).toObject();
    QJsonObject derived;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        bool keep = keepPathPrefixes.isEmpty();
        for (const QString &prefix : keepPathPrefixes)
            keep = keep || it.key().startsWith(prefix);
        if (keep)
            derived.insert(pathPrefix + it.key(), it.value());
    }
    spec.insert(u"paths"_s, derived);
    spec.remove(u"servers"_s);
    const QString out = m_dir.filePath(QFileInfo(specPath).completeBaseName() + u"-derived.json"_s);
    QFile file(out);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = u"cannot write "_s + out;
        return {};
    }
    file.write(QJsonDocument(spec).toJson(QJsonDocument::Compact));
    return out;
}

bool PrismProxy::start(const QString &specPath, const QUrl &upstream)
{
    quint16 port = 0;
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = u"no free port"_s;
            return false;
        }
        port = probe.serverPort();
    }
    m_process.start(prismExecutable(),
        {u"proxy"_s, specPath, upstream.toString(QUrl::StripTrailingSlash), u"--errors"_s, u"-h"_s, u"127.0.0.1"_s,
            u"-p"_s, QString::number(port)});
    if (!m_process.waitForStarted(10000)) {
        m_error = u"cannot start Prism ("_s + prismExecutable() + u"): "_s + m_process.errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(200)) {
            m_baseUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
            return true;
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_error = u"Prism exited: "_s + output();
            return false;
        }
        m_process.waitForReadyRead(200);
    }
    m_error = u"Prism did not listen within 60 s: "_s + output();
    return false;
}

QString PrismProxy::output()
{
    return QString::fromUtf8(m_process.readAll());
}
