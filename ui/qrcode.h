#pragma once

#include <QImage>
#include <QString>

// A QR code for the meeting link, so a phone can join the test meeting (libqrencode builds the matrix; medium error
// correction, 8-bit mode). Each module becomes a `scale`×`scale` block with the four-module quiet zone the standard
// asks for. A null image when the text cannot be encoded (too long).
namespace QrCode {
QImage image(const QString &text, int scale = 4);
}
