// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

// One Piiano Vault data token: an id that stands for an object's property values. Rotation
// gives it a new id; the values behind it stay the same.
struct PiianoToken
{
    QString tokenId;
    QString type = QStringLiteral("pointer"); // pci, pci_oneway, pointer, randomized, deterministic
    QString scope = QStringLiteral("default");
    QString objectId;
    QJsonObject fields; // what detokenize returns
    QStringList tags;
    QDateTime creationTime;
    QDateTime expirationTime; // invalid = never expires
    QString rotatedFrom; // the previous id, after a rotation
    bool minted = false; // issued by a rotation
    bool referenced = false; // detokenized or queried since it was issued
};

// What a test or the sandbox seeds FakePiiano with.
struct PiianoTokenSeed
{
    QJsonObject fields;
    QString type = QStringLiteral("pointer");
    QString objectId; // empty = a random UUID
    QStringList tags;
    QDateTime expirationTime;
};

// The capabilities of an API key's role that the token calls check.
struct PiianoRole
{
    bool tokensReader = true;
    bool tokensWriter = true;
    bool tokensDetokenizer = true;
};
