// SPDX-License-Identifier: GPL-3.0-or-later
#include "clipboardguard.h"

#include "domain/secretbytes.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace {

QByteArray hashOf(const QByteArray &value)
{
    return QCryptographicHash::hash(value, QCryptographicHash::Sha256);
}

} // namespace

ClipboardGuard::ClipboardGuard(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    // A coarse timer of 20 s or more fires up to a second late and reports more time left than
    // was asked for ("31 s" for 30).
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::clearNow);
}

ClipboardGuard::~ClipboardGuard()
{
    // Whoever listened may be half destroyed by now (the guard is usually a dialog's child).
    const QSignalBlocker silent(this);
    clearNow();
}

void ClipboardGuard::copy(const SecretBytes &secret, std::chrono::seconds clearAfter)
{
    auto *mime = new QMimeData;
    mime->setText(secret.exposeUtf8());
    // Asks clipboard managers (Klipper, KeePassXC's convention) to keep it out of their history.
    mime->setData(u"x-kde-passwordManagerHint"_s, QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime);
    m_hash = hashOf(secret.exposeUtf8().toUtf8());
    m_timer.start(clearAfter);
}

int ClipboardGuard::remainingSeconds() const
{
    return m_timer.isActive() ? (m_timer.remainingTime() + 999) / 1000 : 0;
}

void ClipboardGuard::clearNow()
{
    if (m_hash.isEmpty())
        return;
    m_timer.stop();
    QClipboard *clipboard = QGuiApplication::clipboard();
    const bool ours = hashOf(clipboard->text().toUtf8()) == m_hash;
    if (ours)
        clipboard->clear();
    m_hash.clear();
    Q_EMIT cleared(ours);
}
