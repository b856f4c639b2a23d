// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk-iconrender: a build-time tool that turns the one application icon (an SVG) into the
// raster icons the installers need: hicolor PNGs for Linux, a multi-size .ico for Windows (exe
// resource, NSIS, WiX) and an .icns for the macOS bundle. It uses Qt SVG, the renderer the app
// itself draws the icon with, so every platform gets the same pixels from the same build step
// and the build needs no ImageMagick, rsvg-convert or iconutil.
//
//   tokendesk-iconrender ICON.svg [--png SIZE:FILE]... [--ico FILE] [--icns FILE]
#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QStringList>
#include <QSvgRenderer>
#include <QTextStream>
#include <QtEndian>

#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

QByteArray renderPng(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.convertToFormat(QImage::Format_ARGB32).save(&buffer, "PNG");
    return png;
}

void appendLittle16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void appendLittle32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendBig32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

// ICO with PNG-compressed entries (understood since Windows Vista): a 6-byte header, one
// 16-byte directory entry per size, then the PNG files. Width/height 0 means 256.
QByteArray makeIco(QSvgRenderer &renderer)
{
    const int sizes[] = {16, 20, 24, 32, 40, 48, 64, 96, 128, 256};
    std::vector<QByteArray> images;
    for (int size : sizes)
        images.push_back(renderPng(renderer, size));
    QByteArray ico;
    appendLittle16(ico, 0); // reserved
    appendLittle16(ico, 1); // type: icon
    appendLittle16(ico, static_cast<quint16>(images.size()));
    quint32 offset = static_cast<quint32>(6 + 16 * images.size());
    for (size_t i = 0; i < images.size(); ++i) {
        const char dimension = static_cast<char>(sizes[i] >= 256 ? 0 : sizes[i]);
        ico.append(dimension).append(dimension).append('\0').append('\0'); // w, h, palette, reserved
        appendLittle16(ico, 1); // colour planes
        appendLittle16(ico, 32); // bits per pixel
        appendLittle32(ico, static_cast<quint32>(images[i].size()));
        appendLittle32(ico, offset);
        offset += static_cast<quint32>(images[i].size());
    }
    for (const QByteArray &image : images)
        ico.append(image);
    return ico;
}

// ICNS with PNG entries: "icns" and the total length, then (type, length incl. header, data)
// per size; the @2x types are what Retina screens pick.
QByteArray makeIcns(QSvgRenderer &renderer)
{
    const std::pair<const char *, int> entries[] = {{"icp4", 16}, {"ic11", 32}, {"icp5", 32}, {"ic12", 64},
        {"ic07", 128}, {"ic13", 256}, {"ic08", 256}, {"ic14", 512}, {"ic09", 512}, {"ic10", 1024}};
    QByteArray body;
    for (const auto &[type, size] : entries) {
        const QByteArray png = renderPng(renderer, size);
        body.append(type, 4);
        appendBig32(body, static_cast<quint32>(8 + png.size()));
        body.append(png);
    }
    QByteArray icns("icns");
    appendBig32(icns, static_cast<quint32>(8 + body.size()));
    return icns + body;
}

bool writeFile(const QString &path, const QByteArray &data, QTextStream &err)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.commit())
        return true;
    err << "tokendesk-iconrender: cannot write " << path << ": " << file.errorString() << Qt::endl;
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.size() % 2 == 0) {
        err << "usage: tokendesk-iconrender ICON.svg [--png SIZE:FILE]... [--ico FILE] [--icns FILE]" << Qt::endl;
        return 2;
    }
    QSvgRenderer renderer(arguments.constFirst());
    if (!renderer.isValid()) {
        err << "tokendesk-iconrender: cannot read the SVG " << arguments.constFirst() << Qt::endl;
        return 1;
    }
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        const QString &option = arguments.at(i);
        const QString &value = arguments.at(i + 1);
        QByteArray data;
        QString path = value;
        if (option == u"--png") {
            bool ok = false;
            const int size = value.section(u':', 0, 0).toInt(&ok);
            path = value.section(u':', 1);
            if (!ok || size < 1 || size > 4096 || path.isEmpty()) {
                err << "tokendesk-iconrender: --png takes SIZE:FILE, got " << value << Qt::endl;
                return 2;
            }
            data = renderPng(renderer, size);
        } else if (option == u"--ico") {
            data = makeIco(renderer);
        } else if (option == u"--icns") {
            data = makeIcns(renderer);
        } else {
            err << "tokendesk-iconrender: unknown option " << option << Qt::endl;
            return 2;
        }
        if (!writeFile(path, data, err))
            return 1;
    }
    return 0;
}
