import type { Role } from "@rnc/core";
import { hashPassword } from "@rnc/core/auth/password";
import { Institution } from "@rnc/core/institution";
import { Region } from "@rnc/core/region";
import { User } from "@rnc/core/user";
import { withActor } from "@rnc/core";
import { Campaign } from "@rnc/core/monitoring";
import { defaultIndicators, defaultPeriodEnd } from "@rnc/core/monitoring/indicators";
import { seedDemoRoadmap } from "./seed-roadmaps";

/** The demo contract (README): one region, a school and a college, four accounts with one password. */
export const demoAccounts = {
  password: "demo-password-1",
  users: [
    {
      email: "admin@demo.local",
      label: "администратор платформы",
      fullName: "Кузнецов Дмитрий Алексеевич",
      role: "platform_admin" as Role,
      place: "platform",
    },
    {
      email: "rnc@demo.local",
      label: "администратор РНЦ",
      fullName: "Смирнова Анна Петровна",
      role: "region_admin" as Role,
      place: "region",
    },
    {
      email: "curator1@demo.local",
      label: "куратор школы «МБОУ СОШ № 1»",
      fullName: "Иванова Мария Сергеевна",
      role: "curator" as Role,
      place: "school",
    },
    {
      email: "curator2@demo.local",
      label: "куратор «ГБПОУ Технологический колледж»",
      fullName: "Петров Игорь Николаевич",
      role: "curator" as Role,
      place: "college",
    },
  ],
};

/** Seeds the demo region through the product's own verbs, as trusted system code. Local mode only. */
export async function seedDemo(): Promise<void> {
  await withActor({ type: "system", properties: {} }, async () => {
    const region = await Region.create({
      name: "Демонстрационный регион",
      code: "demo",
      timeZone: "Europe/Moscow",
      centreName: "Региональный наставнический центр",
    });
    const school = await Institution.createInRegion(region.regionId, {
      fullName: "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»",
      shortName: "МБОУ СОШ № 1",
      type: "school",
      municipality: "Городской округ Демо",
      studentsTotal: 820,
      students10to19: 540,
      teachersTotal: 58,
      youngTeachers: 9,
    });
    const college = await Institution.createInRegion(region.regionId, {
      fullName: "Государственное бюджетное профессиональное образовательное учреждение «Технологический колледж»",
      shortName: "ГБПОУ Технологический колледж",
      type: "college",
      municipality: "Городской округ Демо",
      studentsTotal: 1250,
      students10to19: 1100,
      teachersTotal: 74,
      youngTeachers: 12,
    });
    const passwordHash = await hashPassword(demoAccounts.password);
    const places = {
      platform: {},
      region: { regionId: region.regionId },
      school: { regionId: region.regionId, tenantId: school.tenantId },
      college: { regionId: region.regionId, tenantId: college.tenantId },
    } as const;
    for (const account of demoAccounts.users) {
      await User.create({
        email: account.email,
        fullName: account.fullName,
        role: account.role,
        passwordHash,
        ...places[account.place as keyof typeof places],
      });
    }
    await seedDemoRoadmap(school.tenantId, currentAcademicYear());
    await withActor({ type: "system", properties: { regionId: region.regionId } }, () => seedDemoCampaign(currentAcademicYear()));
  });
}

/** «2026/27» from September, «2025/26» before. */
function currentAcademicYear(now = new Date()): string {
  const start = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The first-half-year monitoring, published to the demo institutions with the default deadline (20 December). */
async function seedDemoCampaign(academicYear: string): Promise<void> {
  const year = academicYear.slice(0, 4);
  const periodStart = `${year}-09-01`;
  const campaign = await Campaign.create({
    kind: "monitoring",
    name: `Мониторинг ЦМН, I полугодие ${academicYear}`,
    periodStart,
    periodEnd: defaultPeriodEnd("monitoring", periodStart),
    indicators: defaultIndicators(),
  });
  await Campaign.publish(campaign.campaignId);
}
