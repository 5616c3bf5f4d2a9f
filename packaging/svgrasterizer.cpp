// Build-time host tool: renders an SVG to square PNGs, e.g. the application icon for the hicolor theme.
//   tenantry_svg_rasterizer <in.svg> <out.png> <size>
// Uses QSvgRenderer on a QImage, so it needs no display, no platform plugin and no network.
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QTextStream err(stderr);
    if (argc != 4) {
        err << "usage: tenantry_svg_rasterizer <in.svg> <out.png> <size>\n";
        return 2;
    }
    const QString input = QString::fromLocal8Bit(argv[1]);
    const QString output = QString::fromLocal8Bit(argv[2]);
    bool sizeOk = false;
    const int size = QString::fromLocal8Bit(argv[3]).toInt(&sizeOk);
    if (!sizeOk || size < 1 || size > 4096) {
        err << "tenantry_svg_rasterizer: size must be a number from 1 to 4096, not '" << argv[3] << "'\n";
        return 2;
    }

    QSvgRenderer renderer(input);
    if (!renderer.isValid()) {
        err << "tenantry_svg_rasterizer: " << input << " is not a readable SVG\n";
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
    }
    if (!image.convertToFormat(QImage::Format_ARGB32).save(output, "PNG")) {
        err << "tenantry_svg_rasterizer: cannot write " << QFileInfo(output).absoluteFilePath() << '\n';
        return 1;
    }
    return 0;
}
