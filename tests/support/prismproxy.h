// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

// Runs the Prism validating proxy in front of a fake server for the conformance tests: every
// request that passes through must match the official spec (else Prism answers 422) and every
// answer of the fake too (else 500 with an `sl-violations` header). Test-only code: it may wait.
class PrismProxy final
{
public:
    PrismProxy();
    ~PrismProxy();

    // A copy of `specPath` (JSON) whose paths all start with `pathPrefix` (for specs that leave
    // the base path to their `servers` entry) and whose servers point at the proxy itself.
    QString deriveSpec(const QString &specPath, const QString &pathPrefix, const QStringList &keepPathPrefixes = {});
    // Starts Prism on a free loopback port; false with errorString() if it does not come up.
    bool start(const QString &specPath, const QUrl &upstream);
    QUrl baseUrl() const { return m_baseUrl; }
    QString errorString() const { return m_error; }
    QString output();

    static QString prismExecutable();
    static QString specsDirectory();

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_baseUrl;
    QString m_error;
};
