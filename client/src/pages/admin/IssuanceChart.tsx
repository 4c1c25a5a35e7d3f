import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DayIssuance } from '../../api/types';
import { useFormat } from '../../format';

/** Issued bonuses per day against that day's cap (a line): capped days touch it (R5). */
export function IssuanceChart({ days }: { days: DayIssuance[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const capped = days.filter((day) => day.capped).length;
  return (
    <figure className="chart" data-testid="issuance-chart">
      <div role="img" aria-label={t('admin.issuance.summary', { days: days.length, capped })}>
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tickFormatter={f.shortDay} minTickGap={24} />
            <YAxis tickFormatter={(value: number) => f.bonus(value)} width={64} />
            <Tooltip
              labelFormatter={(day) => f.day(String(day))}
              formatter={(value, name) => [f.bonus(Number(value)), name]}
            />
            <Legend />
            <Bar
              dataKey="issued"
              name={t('admin.issuance.issued')}
              fill="#1f5f8b"
              isAnimationActive={false}
            />
            <Bar
              dataKey="reversed"
              name={t('admin.issuance.reversed')}
              fill="#b3261e"
              isAnimationActive={false}
            />
            <Line
              dataKey="cap"
              name={t('admin.issuance.cap')}
              type="stepAfter"
              stroke="#3d3d3d"
              strokeDasharray="6 3"
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
