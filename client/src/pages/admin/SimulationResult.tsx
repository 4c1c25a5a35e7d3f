import { useTranslation } from 'react-i18next';
import type { Simulation } from '../../api/types';
import { useFormat } from '../../format';

/**
 * The budget what-if's answer: what the day would have issued, and to how many members, next to
 * what it really issued; then the demand, whether the budget would be reached, and the shape of
 * the distribution (never a member's amount, R2, nor a score, R14).
 */
export function SimulationResult({ result }: { result: Simulation }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div role="status" data-testid="whatif-result">
      <p>
        {t('admin.whatIf.result.summary', {
          day: f.day(result.day),
          cap: f.bonus(result.dailyCap),
        })}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <td />
              <th scope="col" className="num">
                {t('admin.whatIf.result.simulated')}
              </th>
              <th scope="col" className="num">
                {t('admin.whatIf.result.actual')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('admin.whatIf.result.issued')}</th>
              <td className="num">{f.bonus(result.issued)}</td>
              <td className="num">{f.bonus(result.actualIssued)}</td>
            </tr>
            <tr>
              <th scope="row">{t('admin.whatIf.result.earners')}</th>
              <td className="num">{f.count(result.earners)}</td>
              <td className="num">{f.count(result.actualEarners)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <dl className="totals">
        <div>
          <dt>{t('admin.whatIf.result.demand')}</dt>
          <dd>{f.bonus(result.demand)}</dd>
        </div>
        <div>
          <dt>{t('admin.whatIf.result.capped')}</dt>
          <dd>{t(result.capped ? 'common.yes' : 'common.no')}</dd>
        </div>
        <div>
          <dt>{t('admin.whatIf.result.giniCoefficient')}</dt>
          <dd>{f.coefficient(result.giniCoefficient)}</dd>
        </div>
        <div>
          <dt>{t('admin.whatIf.result.topDecileShare')}</dt>
          <dd>{f.percent(result.topDecileShare)}</dd>
        </div>
      </dl>
    </div>
  );
}
