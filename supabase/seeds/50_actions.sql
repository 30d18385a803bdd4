-- Corrective action plans demo (issue 10): one plan in every state. Local demo only, applied after seed.sql
-- and the triage seed. Fixed UUIDs e5… for plans. The plans are written in their final state with the
-- workflow trigger off (it stamps now() on each step, and a demo needs verdicts dated in the past);
-- links to complaints go through their trigger, so each complaint's timeline shows its plan.

alter table public.action_plans disable trigger action_plans_apply_workflow;
alter table public.action_plan_actions disable trigger action_plan_actions_added;

insert into public.action_plans (id, title, status, owner_id, origins, indicator, indicator_quarter, origin_note, immediate_correction,
	root_cause_whys, root_cause_text, cause_category, check_kind, check_window_days, needs_new_action, actions_done_at,
	verification_due_on, verified_on, verified_by, verification_note, check_result, override_reason, created_at)
values
	('e5000000-0000-4000-8000-000000000001', 'Entregas refrigeradas fuera de temperatura', 'open',
		'a0000000-0000-4000-8000-000000000003', '{complaint}', null, null, null,
		'Se retiró el lote afectado y se repuso con un envío urgente.', '{}', null, null,
		'no_repeat_complaint', 90, false, null, null, null, null, null, null, null, now() - interval '1 day'),
	('e5000000-0000-4000-8000-000000000002', 'Facturas duplicadas del servicio de soporte', 'in_progress',
		'a0000000-0000-4000-8000-000000000003', '{complaint}', null, null, null,
		'Se anuló la factura duplicada y se avisó al cliente.',
		'{"Se emitieron dos facturas del mismo servicio","El proceso de facturación se lanzó dos veces","El cierre mensual no bloquea una segunda ejecución"}',
		'El cierre mensual de facturación puede ejecutarse dos veces sin aviso.', 'method',
		'no_repeat_complaint', 90, false, null, null, null, null, null, null, null, now() - interval '12 days'),
	('e5000000-0000-4000-8000-000000000003', 'Técnicos que no acuden a la cita', 'actions_done',
		'a0000000-0000-4000-8000-000000000003', '{complaint,internal_observation}', null, null,
		'El equipo de guardia detectó otras dos citas perdidas la misma semana.',
		'Se reprogramó la visita en 24 horas y se llamó al cliente.',
		'{"El técnico no tenía la cita en su agenda","La agenda del móvil no se sincronizó","La aplicación no avisa de un fallo de sincronización"}',
		'Las citas creadas por teléfono no llegan a la agenda móvil si la sincronización falla.', 'machine',
		'no_repeat_complaint', 90, false, now() - interval '95 days', (now() - interval '5 days')::date, null, null, null, null, null,
		now() - interval '110 days'),
	('e5000000-0000-4000-8000-000000000004', 'Satisfacción (SC) del 2026-T3 por debajo del objetivo', 'actions_done',
		'a0000000-0000-4000-8000-000000000002', '{indicator}', 'sc', '2026-07-01', 'El SC del trimestre quedó por debajo del objetivo.',
		'Se llamó a los clientes insatisfechos del trimestre.',
		'{"Los clientes valoran mal los plazos de respuesta","Las quejas tardan en tener primera respuesta"}',
		'La primera respuesta a las quejas dependía de una sola persona.', 'people',
		'indicator_next_quarter', 90, false, now() - interval '10 days',
		(date_trunc('quarter', now() - interval '10 days') + interval '6 months')::date, null, null, null, null, null, now() - interval '40 days'),
	('e5000000-0000-4000-8000-000000000005', 'Entregas incompletas de recambios', 'verified_effective',
		'a0000000-0000-4000-8000-000000000003', '{complaint}', null, null, null,
		'Se enviaron las dos cajas que faltaban por mensajería urgente.',
		'{"Faltaban cajas en la entrega","El albarán se cerró antes de cargar","No se contaban los bultos al cargar"}',
		'El albarán se cerraba sin contar los bultos cargados.', 'method',
		'no_repeat_complaint', 90, false, now() - interval '120 days', (now() - interval '30 days')::date,
		(now() - interval '20 days')::date, 'a0000000-0000-4000-8000-000000000002',
		'Revisadas las entregas de los últimos 90 días: ninguna queja nueva de entregas de este cliente.', 'pass', null,
		now() - interval '150 days'),
	('e5000000-0000-4000-8000-000000000006', 'Ruido de la climatización', 'not_effective',
		'a0000000-0000-4000-8000-000000000002', '{complaint,audit_finding}', null, null,
		'La auditoría interna de octubre encontró el mantenimiento de la climatización sin registrar.',
		'Se ajustaron los soportes de la máquina de la planta 2.',
		'{"La máquina vibra","Los soportes antivibración están gastados"}',
		'Los soportes antivibración no estaban en el plan de mantenimiento.', 'material',
		'no_repeat_complaint', 30, true, now() - interval '45 days', (now() - interval '15 days')::date,
		(now() - interval '3 days')::date, 'a0000000-0000-4000-8000-000000000003',
		'Hubo una nueva queja de ruido dentro del plazo: hay que revisar también los conductos.', 'fail', null,
		now() - interval '60 days');

insert into public.action_plan_actions (plan_id, description, owner_id, due_on, done_on) values
	('e5000000-0000-4000-8000-000000000002', 'Bloquear una segunda ejecución del cierre mensual', 'a0000000-0000-4000-8000-000000000002',
		current_date - 3, null),
	('e5000000-0000-4000-8000-000000000002', 'Revisar las facturas de los últimos tres meses', 'a0000000-0000-4000-8000-000000000004',
		current_date + 10, current_date - 2),
	('e5000000-0000-4000-8000-000000000003', 'Avisar en la aplicación cuando la agenda no se sincronice', 'a0000000-0000-4000-8000-000000000003',
		current_date - 100, current_date - 96),
	('e5000000-0000-4000-8000-000000000004', 'Repartir la primera respuesta entre dos personas por turno', 'a0000000-0000-4000-8000-000000000002',
		current_date - 12, current_date - 11),
	('e5000000-0000-4000-8000-000000000005', 'Contar los bultos antes de cerrar el albarán', 'a0000000-0000-4000-8000-000000000004',
		current_date - 125, current_date - 121),
	('e5000000-0000-4000-8000-000000000006', 'Cambiar los soportes antivibración', 'a0000000-0000-4000-8000-000000000003',
		current_date - 50, current_date - 46);

alter table public.action_plan_actions enable trigger action_plan_actions_added;
alter table public.action_plans enable trigger action_plans_apply_workflow;

insert into public.action_plan_items (plan_id, feedback_item_id) values
	('e5000000-0000-4000-8000-000000000001', 'f3000000-0000-4000-8000-000000000001'),
	('e5000000-0000-4000-8000-000000000002', 'f2000000-0000-4000-8000-000000000002'),
	('e5000000-0000-4000-8000-000000000002', 'f2000000-0000-4000-8000-000000000008'),
	('e5000000-0000-4000-8000-000000000003', 'f3000000-0000-4000-8000-000000000003'),
	('e5000000-0000-4000-8000-000000000005', 'f2000000-0000-4000-8000-000000000001'),
	('e5000000-0000-4000-8000-000000000006', 'f2000000-0000-4000-8000-000000000004');

insert into public.requirements (client_id, statement, priority, status, source, action_plan_id) values
	('c0000000-0000-4000-8000-000000000008', 'Cada entrega se carga contando los bultos contra el albarán.', 'high', 'met', 'complaint',
		'e5000000-0000-4000-8000-000000000005');
