// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretjson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

// JSON's own escape for a byte of a valid UTF-8 string, or empty when it goes through as is.
QByteArrayView escapeFor(char byte, char (&buffer)[7])
{
    switch (byte) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\b':
        return "\\b";
    case '\f':
        return "\\f";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        break;
    }
    const auto unit = static_cast<unsigned char>(byte);
    if (unit >= 0x20)
        return {};
    constexpr char Hex[] = "0123456789abcdef";
    buffer[0] = '\\';
    buffer[1] = 'u';
    buffer[2] = '0';
    buffer[3] = '0';
    buffer[4] = Hex[unit >> 4];
    buffer[5] = Hex[unit & 0xf];
    buffer[6] = '\0';
    return QByteArrayView(buffer, 6);
}

qsizetype escapedSize(QByteArrayView bytes)
{
    qsizetype size = 2; // the quotes
    char buffer[7];
    for (const char byte : bytes) {
        const QByteArrayView escape = escapeFor(byte, buffer);
        size += escape.isEmpty() ? 1 : escape.size();
    }
    return size;
}

void appendEscaped(QByteArray &out, QByteArrayView bytes)
{
    char buffer[7];
    out.append('"');
    for (const char byte : bytes) {
        const QByteArrayView escape = escapeFor(byte, buffer);
        if (escape.isEmpty())
            out.append(byte);
        else
            out.append(escape);
    }
    out.append('"');
}

} // namespace

QString SecretJson::placeholder()
{
    // Control characters never occur in the names and ids we send, so no real value collides.
    return u"\u0001tokendesk-secret\u0001"_s;
}

SecretBytes SecretJson::render(const QJsonObject &skeleton, const SecretBytes &secret)
{
    const QByteArrayView value = secret.exposeBytes();
    if (!isValidUtf8(value))
        return {};
    const QByteArray text = QJsonDocument(skeleton).toJson(QJsonDocument::Compact);
    // The placeholder as the writer renders it: a quoted JSON string with its escapes.
    const QByteArray wrapped = QJsonDocument(QJsonArray {placeholder()}).toJson(QJsonDocument::Compact);
    const QByteArray marker = wrapped.mid(1, wrapped.size() - 2);
    const qsizetype at = text.indexOf(marker);
    if (at < 0 || text.indexOf(marker, at + 1) >= 0)
        return {};

    QByteArray body;
    body.reserve(text.size() - marker.size() + escapedSize(value));
    body.append(QByteArrayView(text).first(at));
    appendEscaped(body, value);
    body.append(QByteArrayView(text).sliced(at + marker.size()));
    return SecretBytes(std::move(body));
}

bool SecretJson::isValidUtf8(QByteArrayView bytes)
{
    qsizetype i = 0;
    const qsizetype size = bytes.size();
    while (i < size) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        qsizetype length = 0;
        char32_t code = 0;
        char32_t minimum = 0;
        if ((lead & 0xe0) == 0xc0) {
            length = 2;
            code = lead & 0x1f;
            minimum = 0x80;
        } else if ((lead & 0xf0) == 0xe0) {
            length = 3;
            code = lead & 0x0f;
            minimum = 0x800;
        } else if ((lead & 0xf8) == 0xf0) {
            length = 4;
            code = lead & 0x07;
            minimum = 0x10000;
        } else {
            return false;
        }
        if (i + length > size)
            return false;
        for (qsizetype k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if ((next & 0xc0) != 0x80)
                return false;
            code = (code << 6) | (next & 0x3f);
        }
        // Overlong forms, UTF-16 surrogates and code points past Unicode are not UTF-8.
        if (code < minimum || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)
            return false;
        i += length;
    }
    return true;
}
