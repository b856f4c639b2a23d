// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

class FakeDynatrace;
class FakeGlean;
class FakePangea;
class FakePiiano;
class FakeVaultKv;

// The sandbox's demo data: a handful of plausible tokens per provider, some with history, and
// a Vault that already holds the current secrets (as after an earlier TokenDesk run). Each
// function fills one fake and returns what the sandbox prints about it: how to authenticate
// ("auth") and the demo admin credential. All of it is fake and only valid against the fakes.
class SandboxSeed final
{
public:
    static QJsonObject pangea(FakePangea &fake);
    static QJsonObject glean(FakeGlean &fake);
    static QJsonObject dynatrace(FakeDynatrace &fake);
    static QJsonObject piiano(FakePiiano &fake);
    // `stored` maps secret paths below tokendesk/ to the values to store there.
    static QJsonObject vault(FakeVaultKv &fake, const QJsonObject &stored);
};
