import { Button, Dropdown, Field, Input, Option, SpinButton, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PRESETS } from "../../core";
import type { Settings } from "../settings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface TemplatesProps {
  settings: Settings;
  onChange(s: Settings): void;
  onInsertAll(): void;
  onAddProject(): void;
  busy: boolean;
  lastInserted: string[];
}

export function Templates({ settings, onChange, onInsertAll, onAddProject, busy, lastInserted }: TemplatesProps) {
  const styles = useStyles();
  const set = (patch: Partial<Settings>) => onChange({ ...settings, ...patch });
  const preset = PRESETS.find((p) => p.id === settings.presetId) ?? PRESETS[0];
  return (
    <div className={styles.form}>
      <Field label="单位名称">
        <Input value={settings.unit} placeholder="如：湖南省政务服务和大数据中心" onChange={(_, d) => set({ unit: d.value })} />
      </Field>
      <div className={styles.row}>
        <Field label="评价年度">
          <SpinButton value={settings.year} min={2000} max={2100} onChange={(_, d) => set({ year: Number(d.value ?? d.displayValue ?? settings.year) || settings.year })} />
        </Field>
        <Field label="项目数（附件3）">
          <SpinButton value={settings.projects} min={0} max={200} onChange={(_, d) => set({ projects: Math.max(0, Number(d.value ?? d.displayValue ?? 0) || 0) })} />
        </Field>
        <Field label="专项资金行数">
          <SpinButton value={settings.specialFundRows} min={0} max={100} onChange={(_, d) => set({ specialFundRows: Math.max(0, Number(d.value ?? d.displayValue ?? 0) || 0) })} />
        </Field>
      </div>
      <Field label="评分口径">
        <Dropdown value={preset.label} selectedOptions={[preset.id]} onOptionSelect={(_, d) => d.optionValue && set({ presetId: d.optionValue })}>
          {PRESETS.map((p) => (
            <Option key={p.id} value={p.id}>
              {p.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Text className={styles.note} size={200}>
        表样：{preset.layout.label}（金额单位{preset.layout.amountUnit}）。校验时按表头读取，其他省份、年度的表也能识别。
      </Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={onInsertAll}>
          插入全部附件表
        </Button>
        <Button disabled={busy} onClick={onAddProject}>
          添加一张项目表
        </Button>
      </div>
      <Text className={styles.note} size={200}>
        插入的是新工作表，不会改动已有内容；名称被占用时自动改用“名称 (2)”。黄色单元格由您填写，灰色单元格自动计算。
      </Text>
      {lastInserted.length > 0 && <Text size={200}>已插入：{lastInserted.join("、")}</Text>}
    </div>
  );
}
