// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providerkind.h"
#include "secretref.h"

#include <QDateTime>
#include <QMetaType>
#include <QUrl>

// One provider account: where to reach it and where its admin credential is kept.
// The credential itself never enters this type, so it can never reach the workspace.
struct Account
{
    qint64 id = 0; // workspace row id; 0 until stored
    ProviderKind kind = ProviderKind::PangeaVault;
    QString displayName;
    QUrl baseUrl;
    SecretRef credential;
    QString caCertificatePath; // optional extra CA for a private PKI
    QDateTime createdAt; // UTC

    friend bool operator==(const Account &, const Account &) = default;
};

Q_DECLARE_METATYPE(Account)
