#include "secretinput.h"

#include <cstdio>
#include <QFile>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {

// A client secret is one line; more than that is almost certainly the wrong input.
SecretInput::Result fromBytes(QByteArray bytes)
{
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    if (bytes.isEmpty())
        return {{}, u"no secret on standard input (pipe it in, e.g. from your secret manager)"_s};
    if (bytes.contains('\n') || bytes.contains('\r'))
        return {{}, u"the secret on standard input has more than one line"_s};
    return {QString::fromUtf8(bytes), {}};
}

} // namespace

SecretInput::Result SecretInput::read(const QString &prompt)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {{}, u"cannot read standard input: "_s + in.errorString()};

#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO) == 1) {
        std::fputs(prompt.toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        termios saved{};
        const bool canHide = tcgetattr(STDIN_FILENO, &saved) == 0;
        if (canHide) {
            termios hidden = saved;
            hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
        }
        const QByteArray line = in.readLine();
        if (canHide)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
        return fromBytes(line);
    }
#else
    Q_UNUSED(prompt)
#endif
    return fromBytes(in.readAll());
}
