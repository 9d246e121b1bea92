#include "ui/qrcode.h"

#include <qrencode.h>

#include <memory>

QImage QrCode::image(const QString &text, int scale)
{
    const QByteArray utf8 = text.toUtf8();
    // Version 0: the smallest symbol that holds the text; case-sensitive (URLs are).
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M),
                                                         &QRcode_free);
    if (!code || scale < 1)
        return {};
    constexpr int quiet = 4;
    const int modules = code->width;
    const int side = (modules + 2 * quiet) * scale;
    QImage image(side, side, QImage::Format_Mono);
    image.fill(1); // color index 1 = white after setColor below
    image.setColor(0, qRgb(0, 0, 0));
    image.setColor(1, qRgb(255, 255, 255));
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            // libqrencode: bit 0 of each byte = dark module.
            if (!(code->data[y * modules + x] & 1))
                continue;
            for (int dy = 0; dy < scale; ++dy)
                for (int dx = 0; dx < scale; ++dx)
                    image.setPixel((x + quiet) * scale + dx, (y + quiet) * scale + dy, 0);
        }
    }
    return image;
}
