import { Field, Radio, RadioGroup, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PRESETS } from "../../core";
import type { FlavourChoice, Settings } from "../settings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  note: { color: tokens.colorNeutralForeground3 },
});

export function SettingsSection({ settings, onChange, supportsJx }: { settings: Settings; onChange(s: Settings): void; supportsJx: boolean }) {
  const styles = useStyles();
  const preset = PRESETS.find((p) => p.id === settings.presetId) ?? PRESETS[0];
  return (
    <div className={styles.form}>
      <Field label="评分口径（预设）">
        <RadioGroup value={settings.presetId} onChange={(_, d) => onChange({ ...settings, presetId: d.value })}>
          {PRESETS.map((p) => (
            <Radio key={p.id} value={p.id} label={p.label} />
          ))}
        </RadioGroup>
      </Field>
      <Text size={200} className={styles.note}>
        当前口径：执行率按{preset.executionDenominator === "fullBudget" ? "全年预算数" : "年初预算数"}计算，
        {preset.executionScoring.kind === "proportional" ? "按比例得分" : `每差${preset.executionScoring.stepPercent}%扣${preset.executionScoring.deduct}分`}；
        权重 执行率{preset.weights.execution}、产出{preset.weights.output}、效益{preset.weights.effect}、满意度{preset.weights.satisfaction}；
        等级：{preset.grades.label}。
      </Text>
      <Field label="计算单元格的公式">
        <RadioGroup value={settings.flavour} onChange={(_, d) => onChange({ ...settings, flavour: d.value as FlavourChoice })}>
          <Radio value="auto" label={`自动（当前 Excel ${supportsJx ? "支持" : "不支持"}自定义函数，将使用${supportsJx ? " JX 函数" : "内置函数"}）`} />
          <Radio value="jx" label="JX 自定义函数（计算精确、能说明错误原因；未加载本加载项的电脑显示 #NAME?）" />
          <Radio value="native" label="Excel 内置函数（任何电脑、WPS 都能计算）" />
        </RadioGroup>
      </Field>
    </div>
  );
}
