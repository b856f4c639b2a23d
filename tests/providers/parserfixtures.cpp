// SPDX-License-Identifier: GPL-3.0-or-later
#include "parserfixtures.h"

#include "core/jsonreader.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace {

// Compiled in rather than read from TOKENDESK_TEST_SOURCE_DIR, which names the folder of the
// CMakeLists.txt that registered the test, not tests/ itself.
QString dataDirectory()
{
    return QStringLiteral(TOKENDESK_TEST_DATA_DIR) + u'/';
}

} // namespace

QByteArray ParserFixtures::read(const QString &relativePath)
{
    QFile file(dataDirectory() + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture %s is missing: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
    return file.readAll();
}

HttpAnswer ParserFixtures::answer(int status, const QString &relativePath)
{
    return HttpAnswer {status, read(relativePath), {}};
}

QByteArray ParserFixtures::oversizedBody()
{
    QByteArray body = "{\"padding\":\"";
    body.append(QByteArray(JsonReader::MaxBodyBytes, 'x'));
    body.append("\"}");
    return body;
}

QByteArray ParserFixtures::truncated(const QByteArray &body)
{
    return body.left(body.size() / 2);
}
