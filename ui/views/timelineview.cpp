// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineview.h"

#include <QHash>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

using Kind = TimelineModel::Kind;

namespace {

constexpr int MaxToolTipEvents = 6;

// A clear red as light or dark as the palette's text, so it reads on this palette's background.
QColor dangerColor(const QPalette &palette)
{
    const int lightness = std::clamp(palette.color(QPalette::WindowText).lightness(), 95, 175);
    return QColor::fromHsl(0, 190, lightness);
}

} // namespace

TimelineView::TimelineView(TimelineModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    Q_ASSERT(model);
    setObjectName(u"timelineView"_s);
    setAccessibleName(tr("Timeline of upcoming rotations"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    connect(model, &QAbstractItemModel::modelReset, this, &TimelineView::onModelReset);
    connect(model, &QAbstractItemModel::layoutChanged, this, &TimelineView::onModelReset);
    connect(model, &QAbstractItemModel::rowsInserted, this, &TimelineView::onModelReset);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TimelineView::onModelReset);
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        updateAccessibleDescription();
        update();
    });
    relayout();
}

TimelineView::~TimelineView() = default;

QString TimelineView::laneLabel(Kind kind)
{
    static const char *const labels[TimelineModel::KindCount] = {QT_TR_NOOP("Rotations"), QT_TR_NOOP("Grace ends"),
        QT_TR_NOOP("Revocations"), QT_TR_NOOP("Deletions"), QT_TR_NOOP("Expiries")};
    return tr(labels[int(kind)]);
}

int TimelineView::laneHeight() const
{
    return std::max(20, fontMetrics().height() * 3 / 2);
}

int TimelineView::labelWidth() const
{
    int widest = 0;
    for (int lane = 0; lane < TimelineModel::KindCount; ++lane)
        widest = std::max(widest, fontMetrics().horizontalAdvance(laneLabel(Kind(lane))));
    return widest + fontMetrics().height();
}

QSize TimelineView::sizeHint() const
{
    const int line = fontMetrics().height();
    return {labelWidth() + 720, 4 * line + TimelineModel::KindCount * laneHeight()};
}

QSize TimelineView::minimumSizeHint() const
{
    return {labelWidth() + 240, sizeHint().height()};
}

QDateTime TimelineView::axisStart() const
{
    // From the start of today, so "now" sits a little right of the first day's tick.
    return QDateTime(m_model->windowStart().toLocalTime().date(), QTime(0, 0)).toUTC();
}

qreal TimelineView::xOf(const QDateTime &when) const
{
    const QDateTime start = axisStart();
    const qint64 span = std::max<qint64>(1, start.msecsTo(m_model->windowEnd()));
    return m_plot.left() + m_plot.width() * qreal(start.msecsTo(when)) / qreal(span);
}

QRectF TimelineView::laneRect(int lane) const
{
    const qreal laneSize = m_plot.height() / TimelineModel::KindCount;
    return {m_plot.left(), m_plot.top() + lane * laneSize, m_plot.width(), laneSize};
}

void TimelineView::onModelReset()
{
    m_hovered = -1;
    m_currentRow = -1;
    for (int row = 0; row < m_model->rowCount() && m_currentToken != 0; ++row) {
        const std::optional<TimelineModel::Event> e = m_model->eventAt(row);
        if (e->tokenId == m_currentToken && e->kind == m_currentKind) {
            m_currentRow = row;
            break;
        }
    }
    relayout();
    updateAccessibleDescription();
    update();
}

// Places the markers; events closer than a marker's radius in one lane share a marker.
void TimelineView::relayout()
{
    const int line = fontMetrics().height();
    const int top = 2 * line;
    // The lanes take the height the caption leaves, at least their natural height.
    m_plot = QRectF(labelWidth(), top, std::max(1, width() - labelWidth() - line),
        std::max(TimelineModel::KindCount * laneHeight(), height() - top - 2 * line));
    m_markers.clear();
    const int rows = m_model->rowCount();
    m_markerOfRow = QList<int>(rows, -1);
    const qreal radius = std::max(4.0, laneHeight() * 0.25);
    QHash<qint64, int> markerOfBucket;
    for (int row = 0; row < rows; ++row) {
        const std::optional<TimelineModel::Event> e = m_model->eventAt(row);
        const qreal x = xOf(e->at);
        if (x < m_plot.left() - radius || x > m_plot.right() + radius)
            continue;
        const int lane = int(e->kind);
        const qint64 bucket = qint64(lane) << 32 | qint64(std::floor(std::max(0.0, x - m_plot.left()) / radius));
        int index = markerOfBucket.value(bucket, -1);
        if (index < 0) {
            index = int(m_markers.size());
            markerOfBucket.insert(bucket, index);
            const QPointF center(x, laneRect(lane).center().y());
            m_markers.append(
                Marker {QRectF(center - QPointF(radius, radius), QSizeF(2 * radius, 2 * radius)), e->kind, {}});
        }
        m_markers[index].rows.append(row);
        m_markerOfRow[row] = index;
    }
}

QRect TimelineView::markerRect(int row) const
{
    if (row < 0 || row >= m_markerOfRow.size() || m_markerOfRow.at(row) < 0)
        return {};
    return m_markers.at(m_markerOfRow.at(row)).rect.toAlignedRect();
}

QList<QRect> TimelineView::markerRects() const
{
    QList<QRect> rects;
    rects.reserve(m_markers.size());
    for (const Marker &marker : m_markers)
        rects << marker.rect.toAlignedRect();
    return rects;
}

int TimelineView::markerAt(const QPoint &pos) const
{
    // Drawn last is on top: search backwards, with a little slack for small markers.
    for (qsizetype i = m_markers.size() - 1; i >= 0; --i) {
        if (m_markers.at(i).rect.adjusted(-2, -2, 2, 2).contains(pos))
            return int(i);
    }
    return -1;
}

QColor TimelineView::colorOf(Kind kind) const
{
    switch (kind) {
    case Kind::Rotation:
        return palette().color(QPalette::Highlight);
    case Kind::GraceEnd:
        return palette().color(QPalette::Link);
    case Kind::Revoke:
        return palette().color(QPalette::LinkVisited);
    case Kind::Delete:
    case Kind::Expiry:
        return dangerColor(palette());
    }
    return palette().color(QPalette::WindowText);
}

QString TimelineView::describe(int row) const
{
    const std::optional<TimelineModel::Event> e = m_model->eventAt(row);
    if (!e)
        return {};
    return tr("%1: %2, %3 (%4 UTC)")
        .arg(TimelineModel::kindLabel(e->kind), m_model->tokenName(e->tokenId),
            QLocale().toString(e->at.toLocalTime(), QLocale::ShortFormat), e->at.toString(u"yyyy-MM-dd HH:mm"_s));
}

QString TimelineView::toolTipOf(const Marker &marker) const
{
    QStringList parts;
    for (int row : marker.rows.mid(0, MaxToolTipEvents))
        parts << m_model->index(row).data(Qt::ToolTipRole).toString();
    const int more = int(marker.rows.size()) - MaxToolTipEvents;
    if (more > 0)
        parts << tr("…and %n more event(s)", nullptr, more);
    return parts.join(u"\n\n"_s);
}

void TimelineView::updateAccessibleDescription()
{
    setAccessibleDescription(m_currentRow >= 0
            ? describe(m_currentRow)
            : tr("%n event(s) in the next %1 days", nullptr, m_model->rowCount()).arg(m_model->days()));
}

void TimelineView::setCurrentRow(int row)
{
    row = m_model->rowCount() == 0 ? -1 : std::clamp(row, 0, m_model->rowCount() - 1);
    m_currentRow = row;
    const std::optional<TimelineModel::Event> e = m_model->eventAt(row);
    m_currentToken = e ? e->tokenId : 0;
    m_currentKind = e ? e->kind : Kind::Rotation;
    updateAccessibleDescription();
    update();
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int marker = markerAt(help->pos());
        if (marker >= 0)
            QToolTip::showText(
                help->globalPos(), toolTipOf(m_markers.at(marker)), this, m_markers.at(marker).rect.toAlignedRect());
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::FocusIn && m_currentRow < 0 && m_model->rowCount() > 0)
        setCurrentRow(0); // Tab into the timeline lands on the first event
    if (event->type() == QEvent::Leave)
        m_hovered = -1;
    if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut || event->type() == QEvent::Leave)
        update();
    return QWidget::event(event);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void TimelineView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        relayout();
        updateGeometry();
    }
    if (event->type() == QEvent::PaletteChange)
        update();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const int marker = markerAt(event->position().toPoint());
    if (marker != m_hovered) {
        m_hovered = marker;
        setCursor(marker >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    // Taking the press keeps the release (the click) here, also inside a dock widget.
    if (event->button() == Qt::LeftButton && markerAt(event->position().toPoint()) >= 0)
        event->accept();
    else
        QWidget::mousePressEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    const int marker = event->button() == Qt::LeftButton ? markerAt(event->position().toPoint()) : -1;
    if (marker < 0) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const int row = m_markers.at(marker).rows.constFirst();
    setCurrentRow(row);
    Q_EMIT tokenActivated(m_model->eventAt(row)->tokenId);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key == Qt::Key_Left || key == Qt::Key_Right) {
        setCurrentRow(m_currentRow < 0 ? 0 : m_currentRow + (key == Qt::Key_Left ? -1 : 1));
    } else if (key == Qt::Key_Home || key == Qt::Key_End) {
        setCurrentRow(key == Qt::Key_Home ? 0 : m_model->rowCount() - 1);
    } else if (key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Space) {
        if (const std::optional<TimelineModel::Event> e = m_model->eventAt(m_currentRow))
            Q_EMIT tokenActivated(e->tokenId);
    } else {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimelineView::drawAxis(QPainter &painter) const
{
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    for (int lane = 0; lane < TimelineModel::KindCount; ++lane) {
        const QRectF rect = laneRect(lane);
        if (lane % 2 == 1)
            painter.fillRect(QRectF(0, rect.top(), width(), rect.height()), palette().color(QPalette::AlternateBase));
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRectF(line / 2, rect.top(), m_plot.left() - line, rect.height()),
            Qt::AlignVCenter | Qt::AlignLeft, laneLabel(Kind(lane)));
    }
    // "Now", then a tick at the start of every week, labelled where there is room.
    const qreal nowX = xOf(m_model->windowStart());
    const QString nowText = tr("Now");
    QRectF taken(nowX + 3, 0, fm.horizontalAdvance(nowText), line);
    QDate day = axisStart().toLocalTime().date();
    while (day.dayOfWeek() != QLocale().firstDayOfWeek())
        day = day.addDays(1);
    const QColor grid = palette().color(QPalette::Mid);
    for (; xOf(QDateTime(day, QTime(0, 0)).toUTC()) <= m_plot.right(); day = day.addDays(7)) {
        const qreal x = xOf(QDateTime(day, QTime(0, 0)).toUTC());
        painter.setPen(QPen(grid, 0));
        painter.drawLine(QPointF(x, m_plot.top() - line / 3.0), QPointF(x, m_plot.bottom()));
        const QString label = QLocale().toString(day, u"d MMM"_s);
        const QRectF labelRect(x - fm.horizontalAdvance(label) / 2.0, line / 2.0, fm.horizontalAdvance(label), line);
        if (labelRect.left() < m_plot.left() - line || labelRect.intersects(taken.adjusted(-4, -line, 4, line)))
            continue;
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(labelRect, Qt::AlignCenter, label);
        taken = labelRect;
    }
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawLine(QPointF(nowX, 0), QPointF(nowX, m_plot.bottom()));
    painter.drawText(QRectF(nowX + 3, 0, fm.horizontalAdvance(nowText) + 2, line), Qt::AlignLeft, nowText);
}

void TimelineView::drawMarker(QPainter &painter, const Marker &marker, bool hovered, bool current) const
{
    const qreal grow = hovered ? marker.rect.width() / 4 : 0;
    const QRectF r = marker.rect.adjusted(-grow, -grow, grow, grow);
    // Shapes as well as colours tell the kinds apart, for colour-blind eyes and grey palettes.
    const QPointF c = r.center();
    QPainterPath shape;
    if (marker.kind == Kind::Rotation)
        shape.addEllipse(r);
    else if (marker.kind == Kind::Delete)
        shape.addRect(r.adjusted(1, 1, -1, -1));
    else if (marker.kind == Kind::Expiry)
        shape.addPolygon(
            QPolygonF({QPointF(c.x(), r.top()), r.bottomRight(), r.bottomLeft(), QPointF(c.x(), r.top())}));
    else
        shape.addPolygon(QPolygonF({QPointF(c.x(), r.top()), QPointF(r.right(), c.y()), QPointF(c.x(), r.bottom()),
            QPointF(r.left(), c.y()), QPointF(c.x(), r.top())}));
    const QColor color = colorOf(marker.kind);
    if (marker.rows.size() > 1) {
        // Several events on one spot: a shadow copy says "stacked".
        QColor behind = color;
        behind.setAlphaF(0.45f);
        painter.fillPath(shape.translated(2, -2), behind);
    }
    painter.fillPath(shape, color);
    if (hovered || current) {
        QPen pen(palette().color(QPalette::Text), hovered ? 1.5 : 1.0, current ? Qt::DotLine : Qt::SolidLine);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(r.adjusted(-3, -3, 3, 3));
    }
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    drawAxis(painter);
    const int currentMarker
        = m_currentRow >= 0 && m_currentRow < m_markerOfRow.size() ? m_markerOfRow.at(m_currentRow) : -1;
    for (qsizetype i = 0; i < m_markers.size(); ++i) {
        if (i != m_hovered && i != currentMarker)
            drawMarker(painter, m_markers.at(i), false, false);
    }
    if (currentMarker >= 0)
        drawMarker(painter, m_markers.at(currentMarker), currentMarker == m_hovered, hasFocus());
    if (m_hovered >= 0 && m_hovered != currentMarker)
        drawMarker(painter, m_markers.at(m_hovered), true, false);

    // The caption: what the keyboard or the mouse is on, or why the lanes are empty.
    const int line = fontMetrics().height();
    const QRectF caption(m_plot.left(), m_plot.bottom() + line / 2.0, m_plot.width(), line);
    painter.setPen(palette().color(QPalette::Text));
    QString text;
    if (m_model->rowCount() == 0)
        text = tr("Nothing is due in the next %n day(s).", nullptr, m_model->days());
    else if (m_hovered >= 0)
        text = describe(m_markers.at(m_hovered).rows.constFirst());
    else if (m_currentRow >= 0)
        text = describe(m_currentRow);
    painter.drawText(caption, Qt::AlignLeft | Qt::AlignVCenter,
        fontMetrics().elidedText(text, Qt::ElideRight, int(caption.width())));
}
