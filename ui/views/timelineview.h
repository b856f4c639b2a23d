// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "item/timelinemodel.h"

#include <QList>
#include <QRectF>
#include <QWidget>

// The coming weeks at a glance: a TimelineModel drawn on a horizontal time axis (week ticks, a
// "now" marker) with one lane per kind of event, so an administrator sees at once when rotations
// bunch up and when old secrets stop working. Events that fall on the same pixel share one marker
// (its tooltip lists them), so a 100,000-token workspace draws no more markers than there are
// pixels. Clicking a marker, or Enter on the current event (Left/Right, Home/End move through the
// events in time order), activates its token. Drawn with QPainter in logical coordinates only,
// so it stays sharp at any device pixel ratio, in the palette's colours.
class TimelineView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    // `model` must outlive the view; the view never reloads it.
    explicit TimelineView(TimelineModel *model, QWidget *parent = nullptr);
    ~TimelineView() override;

    TimelineModel *model() const { return m_model; }
    // The event the keyboard is on (a model row), -1 when there is none.
    int currentRow() const { return m_currentRow; }
    void setCurrentRow(int row);

    // Where the marker showing a model row is drawn, in widget coordinates; invalid when hidden.
    QRect markerRect(int row) const;
    QPoint markerCenter(int row) const { return markerRect(row).center(); }
    // Every drawn marker, in drawing order (for tests and accessibility tools).
    QList<QRect> markerRects() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void tokenActivated(qint64 tokenId);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Marker
    {
        QRectF rect;
        TimelineModel::Kind kind = TimelineModel::Kind::Rotation;
        QList<int> rows; // model rows drawn by this marker, in time order
    };

    void onModelReset();
    void relayout();
    QDateTime axisStart() const;
    qreal xOf(const QDateTime &when) const;
    int laneHeight() const;
    int labelWidth() const;
    QRectF laneRect(int lane) const;
    int markerAt(const QPoint &pos) const;
    QColor colorOf(TimelineModel::Kind kind) const;
    QString toolTipOf(const Marker &marker) const;
    QString describe(int row) const;
    void drawAxis(QPainter &painter) const;
    void drawMarker(QPainter &painter, const Marker &marker, bool hovered, bool current) const;
    void updateAccessibleDescription();
    static QString laneLabel(TimelineModel::Kind kind);

    TimelineModel *m_model; // outlives the view
    QRectF m_plot; // the lanes' area, right of the lane labels
    QList<Marker> m_markers;
    QList<int> m_markerOfRow; // model row -> index in m_markers
    int m_hovered = -1; // marker index
    int m_currentRow = -1;
    qint64 m_currentToken = 0; // keeps the current event across model resets
    TimelineModel::Kind m_currentKind = TimelineModel::Kind::Rotation;
};
