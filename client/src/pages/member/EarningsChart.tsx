import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DailyStatement, Day } from '../../api/types';
import { daysBetween } from '../../days';
import { useFormat } from '../../format';

/**
 * Daily net earnings for every day of the range (days without activity are 0), bars above the
 * axis for gains and below it, in another colour, for days a reversal made negative (R11).
 * The statement table under it carries the same figures for people who cannot see the chart.
 */
export function EarningsChart({ rows, from, to }: { rows: DailyStatement[]; from: Day; to: Day }) {
  const { t } = useTranslation();
  const f = useFormat();
  const byDay = new Map(rows.map((row) => [row.day, row.net]));
  const data = daysBetween(from, to).map((day) => ({ day, net: byDay.get(day) ?? 0 }));
  const total = data.reduce((sum, point) => sum + point.net, 0);
  const negativeDays = data.filter((point) => point.net < 0).length;

  return (
    <figure className="chart" data-testid="earnings-chart" data-negative-days={negativeDays}>
      <div
        role="img"
        aria-label={t('member.chart.summary', {
          total: f.delta(total),
          negative: negativeDays,
          from: f.day(from),
          to: f.day(to),
        })}
      >
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={f.shortDay} minTickGap={24} />
            <YAxis tickFormatter={(value: number) => f.bonus(value)} width={56} />
            <Tooltip
              labelFormatter={(day) => f.day(String(day))}
              formatter={(value) => [f.delta(Number(value)), t('member.chart.net')]}
            />
            <ReferenceLine y={0} stroke="#4a4a4a" />
            <Bar dataKey="net" name={t('member.chart.net')} isAnimationActive={false}>
              {data.map((point) => (
                <Cell
                  key={point.day}
                  className={point.net < 0 ? 'bar-negative' : 'bar-positive'}
                  fill={point.net < 0 ? '#b3261e' : '#1f6f43'}
                />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted">{t('member.chart.caption')}</figcaption>
    </figure>
  );
}
