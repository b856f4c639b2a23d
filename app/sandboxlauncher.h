// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/secretbytes.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QTimer>
#include <QUrl>

// One service the sandbox announced: its loopback URL, the demo admin credential, and for
// Glean (which has no admin credential) the demo tokens with their secrets.
struct SandboxService
{
    struct NamedSecret
    {
        QString name;
        SecretBytes secret;
    };

    QString name; // pangea, glean, dynatrace, piiano, vault
    QUrl url;
    SecretBytes credential;
    QList<NamedSecret> tokens;
    QJsonObject details; // what else the sandbox said, with every secret field removed
};

// Starts tokendesk-sandbox (the provider fakes with demo data) as a child process and reads
// its announcements: one JSON line per service, then {"ready":true}. Emits ready() or failed()
// once; the sandbox is stopped when the launcher is destroyed. Only loopback URLs are accepted.
class SandboxLauncher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxLauncher)

public:
    explicit SandboxLauncher(QObject *parent = nullptr);
    ~SandboxLauncher() override;

    void start(const QString &program, const QStringList &arguments = {});
    const QList<SandboxService> &services() const { return m_services; }
    const SandboxService *service(const QString &name) const;

Q_SIGNALS:
    void ready();
    void failed(const QString &message);

private:
    void readAnnouncements();
    bool takeLine(const SecretBytes &line);
    void fail(const QString &message);

    QProcess m_process;
    QTimer m_startTimeout;
    QList<SandboxService> m_services;
    bool m_done = false;
};
