// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/httpanswer.h"

#include <QByteArray>
#include <QString>

// Loads the recorded wire fixtures of tests/data/ for the parser tests, and makes the hostile
// variants every parser must refuse. The data folder's path is compiled in
// (TOKENDESK_TEST_DATA_DIR), so the tests also run by hand outside ctest.
class ParserFixtures final
{
public:
    // tests/data/<relativePath>; aborts the test run with the path when the file is missing.
    static QByteArray read(const QString &relativePath);
    static HttpAnswer answer(int status, const QString &relativePath);
    // A syntactically valid JSON object one byte over the parsers' size limit.
    static QByteArray oversizedBody();
    // `body` cut in the middle, so the JSON is unterminated.
    static QByteArray truncated(const QByteArray &body);
};
